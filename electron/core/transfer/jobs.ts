import fs from 'node:fs';
import type { TransferEvent } from '../../../shared/contract/conversations.ts';
import type { ParsedCallInput } from '../../../shared/contract/index.ts';
import { AppErrorException, appError, type AppError } from '../../../shared/errors.ts';
import type { EventSink } from '../ports.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import { TransferCancelled, writeExportFile } from './streamExport.ts';
import { importFile, newImportProgress } from './streamImport.ts';

function errorOf(err: unknown): AppError {
  if (err instanceof AppErrorException) return err.error;
  return appError('storage', `The transfer failed: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}.`);
}

/** How many job ids the early-cancel and ended sets keep at most (ids are never reused). */
const MAX_REMEMBERED = 100;

/** Streamed exports and imports running in the store worker, each under a job id the windows can
 *  cancel; progress and the one ending of each are announced as conversations:transfer. */
export class TransferJobs {
  readonly #store: ConversationStore;
  readonly #events: EventSink;
  readonly #app: { name: string; version: string };
  readonly #running = new Map<string, AbortController>();
  /** Jobs cancelled before they reached the worker (an upload still on its way): they end at once. */
  readonly #cancelledEarly = new Set<string>();
  /** Jobs that already ended: nothing left to cancel. */
  readonly #ended = new Set<string>();

  constructor(store: ConversationStore, events: EventSink, appVersion: string) {
    this.#store = store;
    this.#events = events;
    this.#app = { name: 'Parley', version: appVersion };
  }

  /** Resolves with the final event once the file is whole (or gone again after a cancel). */
  async exportToFile(jobId: string, filePath: string, input: ParsedCallInput<'conversations:export'>): Promise<TransferEvent> {
    const signal = this.#begin(jobId);
    const base = { jobId, kind: 'export' as const };
    let last: TransferEvent = { ...base, phase: 'running', conversations: 0, bytes: 0 };
    try {
      const done = await writeExportFile(
        this.#store,
        filePath,
        input,
        this.#app,
        (p) => {
          last = { ...base, phase: 'running', conversations: p.conversations, totalConversations: p.totalConversations, bytes: p.bytes };
          this.#emit(last);
        },
        signal,
      );
      return this.#end({ ...base, phase: 'done', conversations: done.conversations, totalConversations: done.totalConversations, bytes: done.bytes, totalBytes: done.bytes });
    } catch (err) {
      const ending = err instanceof TransferCancelled ? { phase: 'cancelled' as const } : { phase: 'failed' as const, error: errorOf(err) };
      return this.#end({ ...last, ...ending, conversations: 0 });
    } finally {
      this.#running.delete(jobId);
    }
  }

  /** removeAfter: the file was an upload kept only for this import. */
  async importFromFile(jobId: string, filePath: string, options: { removeAfter?: boolean } = {}): Promise<TransferEvent> {
    const signal = this.#begin(jobId);
    const progress = newImportProgress();
    const snapshot = (phase: TransferEvent['phase']): TransferEvent => ({
      jobId,
      kind: 'import',
      phase,
      conversations: progress.imported + progress.skipped,
      bytes: progress.bytes,
      totalBytes: progress.totalBytes,
      result: { imported: progress.imported, skipped: progress.skipped, messages: progress.messages },
    });
    // Every couple of seconds the windows re-list, so the sidebar fills while a long import runs.
    let listed = { at: performance.now(), imported: 0 };
    const onProgress = (): void => {
      this.#emit(snapshot('running'));
      if (progress.imported > listed.imported && performance.now() - listed.at > 2000) {
        listed = { at: performance.now(), imported: progress.imported };
        this.#changed();
      }
    };
    try {
      await importFile(this.#store.db, filePath, progress, onProgress, signal);
      return this.#end(snapshot('done'));
    } catch (err) {
      if (err instanceof TransferCancelled) return this.#end(snapshot('cancelled'));
      return this.#end({ ...snapshot('failed'), error: errorOf(err) });
    } finally {
      this.#running.delete(jobId);
      if (options.removeAfter) fs.rmSync(filePath, { force: true });
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.#running.get(jobId);
    if (!controller) {
      if (this.#ended.has(jobId)) return false;
      // Browser mode's upload arrives before its import starts: remember the cancel for when it does.
      if (this.#cancelledEarly.size >= MAX_REMEMBERED) this.#cancelledEarly.clear();
      this.#cancelledEarly.add(jobId);
      return true;
    }
    if (controller.signal.aborted) return false;
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort();
  }

  #begin(jobId: string): AbortSignal {
    if (this.#running.has(jobId)) throw new AppErrorException(appError('invalid_input', 'That transfer is already running.'));
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    if (this.#cancelledEarly.delete(jobId)) controller.abort();
    return controller.signal;
  }

  #end(event: TransferEvent): TransferEvent {
    if (this.#ended.size >= MAX_REMEMBERED) this.#ended.clear();
    this.#ended.add(event.jobId);
    this.#emit(event);
    if (event.kind === 'import' && (event.result?.imported ?? 0) > 0) this.#changed();
    return event;
  }

  #emit(event: TransferEvent): void {
    try {
      this.#events.emit('conversations:transfer', event);
    } catch {
      // A window that went away asks again.
    }
  }

  #changed(): void {
    try {
      this.#events.emit('conversations:changed', {});
    } catch {
      // Windows re-list when they come back.
    }
  }
}
