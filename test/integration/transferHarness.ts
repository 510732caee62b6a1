// Browser-mode services behind the real HTTP server, with the events they push recorded: what the
// streamed export/import, worker and round-trip tests share.
import path from 'node:path';
import type { TransferEvent } from '../../shared/contract/conversations.ts';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import { startBrowserServer, type BrowserServer } from '../../electron/core/browserMode/server.ts';
import { SocketHub } from '../../electron/core/browserMode/socketHub.ts';
import { createServices, type Services, type ServicesOptions } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';

export interface Recorded {
  channel: string;
  payload: unknown;
}

export interface Harness {
  services: Services;
  server: BrowserServer | undefined;
  base: string;
  events: Recorded[];
  /** The session cookie the access key is exchanged for. */
  cookie(): Promise<string>;
  call<T>(channel: string, input?: unknown): Promise<T>;
  /** The final conversations:transfer event of a job. */
  ending(jobId: string): Promise<TransferEvent>;
  close(): Promise<void>;
}

export async function startHarness(dataDir: string, extra: Partial<ServicesOptions> = {}): Promise<Harness> {
  const events: Recorded[] = [];
  const wakers = new Set<() => void>();
  const hub = new SocketHub();
  const sink = {
    emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
      events.push({ channel, payload });
      hub.emit(channel, payload);
      for (const wake of wakers) wake();
    },
  };
  const services = await createServices({
    mode: 'browser',
    dataDir,
    version: '9.9.9-test',
    env: {},
    settingsBackend: createConfBackend,
    keychain: () => Promise.reject(new Error('no keychain in this test')),
    events: sink,
    ...extra,
  });
  const server = extra.mode === 'desktop' ? undefined : await startBrowserServer({ services, hub, staticDir: path.join(dataDir, 'no-renderer'), port: 0 });
  const base = server ? `http://127.0.0.1:${server.port}` : '';
  return {
    services,
    server,
    base,
    events,
    async cookie() {
      const response = await fetch(`${base}/?key=${server!.accessKey}`, { redirect: 'manual' });
      return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    },
    async call<T>(channel: string, input?: unknown): Promise<T> {
      const result = await services.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
    ending(jobId) {
      return new Promise((resolve) => {
        const check = (): void => {
          const found = events.find((e) => {
            const p = e.payload as TransferEvent;
            return e.channel === 'conversations:transfer' && p.jobId === jobId && p.phase !== 'running';
          });
          if (!found) return;
          wakers.delete(check);
          resolve(found.payload as TransferEvent);
        };
        wakers.add(check);
        check();
      });
    },
    async close() {
      await server?.close();
      await services.close();
    },
  };
}
