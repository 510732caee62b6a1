import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Notice } from '../../../shared/contract/app.ts';
import type { EventChannel, EventPayload } from '../../../shared/contract/index.ts';
import { AppErrorException, appError, type AppError } from '../../../shared/errors.ts';
import type { EventSink } from '../ports.ts';
import type { FromWorker, StoreWorkerData, ToWorker } from './protocol.ts';
import type { StoreApi } from './storeApi.ts';

/** The worker's heap. V8 sizes an unbounded heap by the machine's memory and lets garbage pile up to
 *  it: a 200,000-message export or import peaked at 418 MB of resident memory that way, 261 MB with
 *  this bound (npm run bench), at the same speed. What the worker holds at once is bounded by design
 *  (pages, slices, batches, one conversation of an import), and a worker that runs out anyway is
 *  restarted like a crashed one, with everything committed kept. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 };

/** The store's functions as the main thread sees them: the same, answering later. */
export type RemoteStore = {
  [K in keyof StoreApi]: StoreApi[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

export interface StoreClientOptions extends StoreWorkerData {
  events: EventSink;
  /** Told when the worker died and was started again (the app shows it as a notice). */
  onRestart?: (notice: Notice) => void;
  logger?: { error(message: string, detail?: unknown): void };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const CRASHED: AppError = appError(
  'storage',
  'The conversation database stopped unexpectedly and Parley restarted it. Everything saved is kept; try that again.',
);
/** More crashes than this within a minute: Parley stops restarting and reports it. */
const MAX_RESTARTS_PER_MINUTE = 3;

/** The worker's entry: the TypeScript source when running from source (tests, bench), the built file
 *  beside the bundle otherwise. Named through a variable so bundlers leave the URL alone. */
function workerUrl(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./worker.ts', import.meta.url);
  // Built: out/main/storeWorker.js, beside the entry or one folder up from a shared chunk.
  const candidates = ['./storeWorker.js', '../storeWorker.js'].map((file) => new URL(file, import.meta.url));
  return candidates.find((url) => existsSync(fileURLToPath(url))) ?? candidates[0]!;
}

/** Runs the store in a worker thread and routes calls and events to and from it; restarts the worker
 *  when it dies (SQLite's WAL keeps every committed write across that). */
export class StoreClient {
  readonly api: RemoteStore;
  notices: Notice[] = [];
  recovered = 0;
  readonly #options: StoreClientOptions;
  readonly #pending = new Map<number, Pending>();
  readonly #restarts: number[] = [];
  #worker: Worker | undefined;
  #ready: Promise<void> = Promise.resolve();
  #nextId = 1;
  #closing = false;
  #broken: AppError | undefined;

  private constructor(options: StoreClientOptions) {
    this.#options = options;
    this.api = new Proxy({} as RemoteStore, {
      get: (_target, method) => (typeof method === 'string' ? (...args: unknown[]) => this.call(method, args) : undefined),
    });
  }

  static async start(options: StoreClientOptions): Promise<StoreClient> {
    const client = new StoreClient(options);
    await client.#spawn();
    return client;
  }

  async call(method: string, args: unknown[]): Promise<unknown> {
    await this.#ready;
    if (this.#broken) throw new AppErrorException(this.#broken);
    const worker = this.#worker;
    if (!worker || this.#closing) throw new AppErrorException(appError('storage', 'The conversation database is closed.'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'call', id, method, args } satisfies ToWorker);
    });
  }

  /** Tests only: ends the worker as a crash would. */
  crashForTest(): void {
    this.#worker?.postMessage({ type: 'crash' } satisfies ToWorker);
  }

  /** Waits for the calls in flight, closes the database (PRAGMA optimize, checkpoint) and the thread. */
  async close(): Promise<void> {
    if (this.#closing) return;
    await this.#ready.catch(() => undefined);
    this.#closing = true;
    const worker = this.#worker;
    if (!worker) return;
    await Promise.allSettled(
      [...this.#pending.values()].map((p) => new Promise<void>((done) => Object.assign(p, wrapSettle(p, done)))),
    );
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    await exited;
  }

  #spawn(): Promise<void> {
    const { dbPath, appVersion, images } = this.#options;
    const worker = new Worker(workerUrl(), { workerData: { dbPath, appVersion, images } satisfies StoreWorkerData, resourceLimits: WORKER_LIMITS });
    this.#worker = worker;
    this.#ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: FromWorker): void => {
        if (message.type === 'ready') {
          this.notices = message.notices;
          this.recovered = message.recovered;
          resolve();
        } else if (message.type === 'failed') {
          reject(new AppErrorException(message.error));
        } else {
          this.#receive(message);
        }
      };
      worker.on('message', onMessage);
      worker.once('error', (err) => {
        this.#options.logger?.error('Parley: the store worker failed', err);
        reject(new AppErrorException(appError('storage', `The conversation database could not be started: ${err.message}`)));
      });
      worker.once('exit', (code) => this.#exited(worker, code));
    });
    return this.#ready;
  }

  #receive(message: FromWorker): void {
    if (message.type === 'event') {
      try {
        this.#options.events.emit(message.channel as EventChannel, message.payload as EventPayload<EventChannel>);
      } catch {
        // A window that went away re-queries when it comes back.
      }
    } else if (message.type === 'result') {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.ok) pending.resolve(message.value);
      else {
        if (message.internal) this.#options.logger?.error('Parley: a store call failed', message.internal);
        pending.reject(new AppErrorException(message.error));
      }
    }
  }

  #exited(worker: Worker, code: number): void {
    if (worker !== this.#worker) return;
    for (const pending of this.#pending.values()) pending.reject(new AppErrorException(CRASHED));
    this.#pending.clear();
    if (this.#closing) return;
    this.#options.logger?.error(`Parley: the store worker stopped (exit code ${code}); restarting it`);
    const now = Date.now();
    this.#restarts.push(now);
    while (this.#restarts.length > 0 && this.#restarts[0]! < now - 60_000) this.#restarts.shift();
    if (this.#restarts.length > MAX_RESTARTS_PER_MINUTE) {
      this.#broken = appError('storage', 'The conversation database keeps stopping. Restart Parley; everything saved is kept.');
      this.#worker = undefined;
      return;
    }
    this.#spawn().then(
      () => this.#options.onRestart?.({ id: `store-restarted-${now}`, level: 'warning', message: CRASHED.message }),
      (err: unknown) => {
        this.#broken = err instanceof AppErrorException ? err.error : CRASHED;
      },
    );
  }
}

/** Lets close() wait for a call in flight without taking its answer away from the caller. */
function wrapSettle(p: Pending, done: () => void): Pending {
  const { resolve, reject } = p;
  return {
    resolve: (value) => {
      resolve(value);
      done();
    },
    reject: (error) => {
      reject(error);
      done();
    },
  };
}
