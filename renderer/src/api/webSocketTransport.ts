import type { Transport, Unsubscribe } from '../../../shared/contract/api.ts';
import type { CallChannel, EventChannel } from '../../../shared/contract/index.ts';
import { appError, type Result } from '../../../shared/errors.ts';
import { ServerMessageSchema, type ClientMessage } from '../../../shared/wire.ts';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WebSocketTransportOptions {
  url: string;
  /** For tests; defaults to the browser's WebSocket. */
  createSocket?: (url: string, protocols: string[]) => WebSocket;
  /** Browser mode's session secret, offered as a subprotocol on every handshake. */
  sessionSecret?: () => Promise<string | null>;
  minDelayMs?: number;
  maxDelayMs?: number;
}

type Resolve = (result: Result<unknown>) => void;

const dropped = (): Result<unknown> => ({
  ok: false,
  error: appError('network', 'Lost the connection to Parley. Reconnecting; try again in a moment.'),
});

/**
 * Browser mode's transport: calls and events over one WebSocket, reconnecting with backoff.
 * Calls made while (re)connecting wait for the socket; calls in flight when it drops resolve to a
 * `network` error, so the UI never hangs on a promise that will not settle.
 */
export class WebSocketTransport implements Transport {
  readonly #url: string;
  readonly #createSocket: (url: string, protocols: string[]) => WebSocket;
  readonly #sessionSecret: () => Promise<string | null>;
  readonly #minDelayMs: number;
  readonly #maxDelayMs: number;
  #socket: WebSocket | null = null;
  #connecting: symbol | undefined;
  #state: ConnectionState = 'closed';
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  #nextId = 1;
  readonly #pending = new Map<number, Resolve>();
  #queue: { message: ClientMessage; resolve: Resolve }[] = [];
  readonly #listeners = new Map<string, Set<(payload: unknown) => void>>();
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(options: WebSocketTransportOptions) {
    this.#url = options.url;
    this.#createSocket = options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols));
    this.#sessionSecret = options.sessionSecret ?? (() => Promise.resolve(null));
    this.#minDelayMs = options.minDelayMs ?? 250;
    this.#maxDelayMs = options.maxDelayMs ?? 5_000;
    this.#connect();
  }

  get state(): ConnectionState {
    return this.#state;
  }

  onStateChange(listener: (state: ConnectionState) => void): Unsubscribe {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  invoke(channel: CallChannel, input: unknown): Promise<Result<unknown>> {
    if (this.#disposed) return Promise.resolve(dropped());
    return new Promise((resolve) => {
      const message: ClientMessage = { type: 'call', id: this.#nextId++, channel, input };
      if (this.#socket && this.#state === 'open') this.#send(message, resolve);
      else {
        this.#queue.push({ message, resolve });
        if (this.#state === 'closed') this.#connectNow();
      }
    });
  }

  subscribe(channel: EventChannel, listener: (payload: unknown) => void): Unsubscribe {
    let set = this.#listeners.get(channel);
    if (!set) this.#listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Closes the socket for good and fails whatever is still waiting. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#retryTimer);
    this.#socket?.close();
    this.#failAll();
    this.#setState('closed');
  }

  #send(message: ClientMessage, resolve: Resolve): void {
    this.#pending.set(message.id, resolve);
    try {
      this.#socket?.send(JSON.stringify(message));
    } catch {
      this.#pending.delete(message.id);
      resolve(dropped());
    }
  }

  #connectNow(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#connect();
  }

  #connect(): void {
    if (this.#disposed) return;
    this.#setState('connecting');
    // A placeholder keeps a second #connect (a call while connecting) from opening another socket.
    const attempt = Symbol('connecting');
    this.#connecting = attempt;
    void this.#sessionSecret()
      .catch(() => null)
      .then((secret) => {
        if (this.#connecting === attempt) this.#open(secret);
      });
  }

  #open(secret: string | null): void {
    this.#connecting = undefined;
    if (this.#disposed) return;
    // Must match the server's WIRE_PROTOCOL and SESSION_PROTOCOL_PREFIX (electron/core/browserMode/access.ts).
    const protocols = secret ? ['parley', `parley-session.${secret}`] : [];
    let socket: WebSocket;
    try {
      socket = this.#createSocket(this.#url, protocols);
    } catch {
      this.#onClosed(null);
      return;
    }
    this.#socket = socket;
    socket.addEventListener('open', () => {
      if (socket !== this.#socket) return;
      this.#attempt = 0;
      this.#setState('open');
      const queued = this.#queue;
      this.#queue = [];
      for (const { message, resolve } of queued) this.#send(message, resolve);
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (socket === this.#socket) this.#onMessage(event.data);
    });
    socket.addEventListener('close', () => this.#onClosed(socket));
  }

  #onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = ServerMessageSchema.safeParse(json);
    if (!parsed.success) {
      console.warn('Parley: ignored a malformed message from the server.');
      return;
    }
    const message = parsed.data;
    if (message.type === 'result') {
      const resolve = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      resolve?.(message.result);
      return;
    }
    for (const listener of [...(this.#listeners.get(message.channel) ?? [])]) {
      try {
        listener(message.payload);
      } catch (error) {
        console.error(error);
      }
    }
  }

  #onClosed(socket: WebSocket | null): void {
    if (socket !== this.#socket) return;
    this.#socket = null;
    // Whatever was sent or queued will not be answered on this socket; say so rather than hang.
    this.#failAll();
    if (this.#disposed) return;
    this.#setState('closed');
    const delay = Math.min(this.#maxDelayMs, this.#minDelayMs * 2 ** this.#attempt);
    this.#attempt += 1;
    // Jitter spreads reconnects when several windows lose the server at once.
    this.#retryTimer = setTimeout(() => this.#connect(), delay * (0.5 + Math.random() / 2));
  }

  #failAll(): void {
    const waiting = [...this.#pending.values(), ...this.#queue.map((q) => q.resolve)];
    this.#pending.clear();
    this.#queue = [];
    for (const resolve of waiting) resolve(dropped());
  }

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of [...this.#stateListeners]) listener(state);
  }
}
