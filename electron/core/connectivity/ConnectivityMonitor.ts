import type { Connectivity } from '../../../shared/contract/connectivity.ts';
import type { AppError } from '../../../shared/errors.ts';
import type { ConnectivityReporter } from '../chat/streamRunner.ts';
import type { EventSink } from '../ports.ts';
import { probeProvider } from './probe.ts';

export interface ConnectivityDeps {
  /** Where the provider is, resolved at each check (settings may change). */
  getTarget: () => Promise<{ baseUrl: string; token: string | undefined }>;
  events: EventSink;
  timeoutMs?: number;
  /** A state older than this is checked again when asked for (default 30 s). */
  staleMs?: number;
  /** While offline, checks again after this long, doubling up to retryMaxMs. */
  retryInitialMs?: number;
  retryMaxMs?: number;
  fetch?: typeof fetch;
}

/** Knows whether the provider can be reached. Checks when asked (and the answer is stale), after a
 *  reply failed for network reasons, and, while offline, again and again with backoff; pushes
 *  app:connectivity whenever online flips. Never checks on its own while online. */
export class ConnectivityMonitor implements ConnectivityReporter {
  readonly #deps: ConnectivityDeps;
  #state: Connectivity | undefined;
  #checking: Promise<Connectivity> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retryDelayMs: number;
  #closed = false;

  constructor(deps: ConnectivityDeps) {
    this.#deps = deps;
    this.#retryDelayMs = deps.retryInitialMs ?? 2000;
  }

  async current(recheck = false): Promise<Connectivity> {
    const state = this.#state;
    if (!recheck && state && Date.now() - state.checkedAt < (this.#deps.staleMs ?? 30_000)) return state;
    return this.check();
  }

  /** One probe at a time: callers during a check share its answer. */
  check(): Promise<Connectivity> {
    this.#checking ??= this.#probe().finally(() => {
      this.#checking = undefined;
    });
    return this.#checking;
  }

  providerUnreachable(_error: AppError): void {
    void this.check();
  }

  providerAnswered(): void {
    this.#set({ online: true, checkedAt: Date.now() });
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
  }

  async #probe(): Promise<Connectivity> {
    let next: Connectivity;
    try {
      const { baseUrl, token } = await this.#deps.getTarget();
      const result = await probeProvider(baseUrl, token, this.#deps.timeoutMs ?? 5000, this.#deps.fetch);
      next = result.online ? { online: true, checkedAt: Date.now() } : { online: false, checkedAt: Date.now(), error: result.error };
    } catch {
      // No usable settings is not "offline": the chat call will say what is wrong.
      next = { online: true, checkedAt: Date.now() };
    }
    this.#set(next);
    return next;
  }

  #set(next: Connectivity): void {
    const flipped = this.#state?.online !== next.online;
    this.#state = next;
    if (next.online) {
      clearTimeout(this.#retryTimer);
      this.#retryTimer = undefined;
      this.#retryDelayMs = this.#deps.retryInitialMs ?? 2000;
    } else {
      this.#scheduleRetry();
    }
    if (flipped && !this.#closed) {
      try {
        this.#deps.events.emit('app:connectivity', next);
      } catch {
        // A window that went away asks again when it comes back.
      }
    }
  }

  #scheduleRetry(): void {
    if (this.#closed || this.#retryTimer !== undefined) return;
    const delay = this.#retryDelayMs;
    this.#retryDelayMs = Math.min(delay * 2, this.#deps.retryMaxMs ?? 60_000);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (!this.#closed) void this.check();
    }, delay);
    this.#retryTimer.unref?.();
  }
}
