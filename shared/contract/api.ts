import type { Result } from '../errors.ts';
import type { CallChannel, CallInput, CallOutput, EventChannel, EventPayload } from './index.ts';
import { callChannels, eventChannels } from './channels.ts';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? V : never;
type Domain = DomainOf<CallChannel> | DomainOf<EventChannel>;

type CallFn<C extends CallChannel> = undefined extends CallInput<C>
  ? (input?: CallInput<C>) => Promise<Result<CallOutput<C>>>
  : (input: CallInput<C>) => Promise<Result<CallOutput<C>>>;

type Listener<E extends EventChannel> = (payload: EventPayload<E>) => void;
export type Unsubscribe = () => void;

type DomainApi<D extends Domain> = {
  [C in CallChannel as DomainOf<C> extends D ? VerbOf<C> : never]: CallFn<C>;
} & {
  [E in EventChannel as DomainOf<E> extends D ? `on${Capitalize<VerbOf<E>>}` : never]: (
    listener: Listener<E>,
  ) => Unsubscribe;
};

/** The typed API every window sees, whichever transport carries it (Electron IPC or WebSocket). */
export type ParleyApi = { [D in Domain]: DomainApi<D> };

/** The two primitives a transport offers; never exposed to page code as such. */
export interface Transport {
  invoke(channel: CallChannel, input: unknown): Promise<Result<unknown>>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): Unsubscribe;
}

/** Builds one named function per call and one `onX` per event from a transport; `only` limits it to
 *  one window's list (the preload exposes nothing else). */
export function buildApi(
  transport: Transport,
  only?: { calls: readonly CallChannel[]; events: readonly EventChannel[] },
): ParleyApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of only?.calls ?? callChannels) {
    const [domain, verb] = channel.split(':') as [string, string];
    (api[domain] ??= {})[verb] = (input?: unknown) => transport.invoke(channel, input);
  }
  for (const channel of only?.events ?? eventChannels) {
    const [domain, name] = channel.split(':') as [string, string];
    const key = `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    (api[domain] ??= {})[key] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
  }
  return api as unknown as ParleyApi;
}
