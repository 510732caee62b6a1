import type { Notice } from '../../../shared/contract/app.ts';
import type { AppError } from '../../../shared/errors.ts';

/** What the store worker is started with (worker_threads workerData). */
export interface StoreWorkerData {
  dbPath: string;
  appVersion: string;
  /** How image URLs are made: the desktop protocol, or browser mode's signed capability URLs. */
  images: { kind: 'protocol' } | { kind: 'signed'; secret: string };
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; args: unknown[] }
  | { type: 'close' }
  /** Tests only: the worker dies at once, as a crash would end it. */
  | { type: 'crash' };

export type FromWorker =
  | { type: 'ready'; notices: Notice[]; recovered: number }
  | { type: 'failed'; error: AppError }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: AppError; internal?: string }
  | { type: 'event'; channel: string; payload: unknown }
  | { type: 'closed' };
