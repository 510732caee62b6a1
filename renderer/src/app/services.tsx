import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ParleyApi } from '../../../shared/contract/api.ts';
import type { Connection } from '../api/client.ts';
import { ReasoningHub } from '../features/chat/reasoningHub.ts';
import { StreamHub } from '../features/chat/streamHub.ts';
import { createQueryClient } from './queryClient.ts';

export interface Services {
  api: ParleyApi;
  connection: Connection;
  streams: StreamHub;
  /** The thinking of streaming replies (reasoning models). */
  reasoning: ReasoningHub;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ api, connection, children }: { api: ParleyApi; connection: Connection; children: ReactNode }) {
  const [streams] = useState(() => new StreamHub());
  const [reasoning] = useState(() => new ReasoningHub());
  const [queryClient] = useState(createQueryClient);
  useEffect(() => streams.listen(api), [streams, api]);
  useEffect(() => reasoning.listen(api), [reasoning, api]);
  const services = useMemo(() => ({ api, connection, streams, reasoning }), [api, connection, streams, reasoning]);
  return (
    <QueryClientProvider client={queryClient}>
      <ServicesContext value={services}>{children}</ServicesContext>
    </QueryClientProvider>
  );
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesProvider.');
  return services;
}

export function useApi(): ParleyApi {
  return useServices().api;
}

export function useConnectionState() {
  const { connection } = useServices();
  return useSyncExternalStore(
    (onChange) => connection.onStateChange(onChange),
    () => connection.state,
  );
}

/**
 * Goes up by one each time a dropped connection comes back, so views that may have missed events
 * re-query (put it in an effect's dependencies).
 */
export function useReconnectCount(): number {
  const { connection } = useServices();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let wasOpen = connection.state === 'open';
    let everOpen = wasOpen;
    return connection.onStateChange((state) => {
      // The first open is not a reconnect: calls queued while connecting are answered anyway.
      if (state === 'open' && !wasOpen && everOpen) setCount((n) => n + 1);
      wasOpen = state === 'open';
      everOpen ||= wasOpen;
    });
  }, [connection]);
  return count;
}
