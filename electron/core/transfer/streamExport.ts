import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import type { ConversationSummary } from '../../../shared/domain.ts';
import { setImmediate as yieldToCalls } from 'node:timers/promises';
import type { ParsedCallInput } from '../../../shared/contract/index.ts';
import { fail } from '../../../shared/errors.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import { exportedConversation, toExportedMessage } from './exporter.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './exportSchema.ts';
import { conversationMarkdown, markdownTitle } from './markdown.ts';

export interface ExportProgress {
  conversations: number;
  totalConversations: number;
  bytes: number;
}

export class TransferCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** A file being written beside its final name, renamed into place only when whole: a cancelled or
 *  failed export leaves no file (and never a half-written one). Writes wait for the disk (drain). */
class PartialFile {
  readonly #target: string;
  readonly #partial: string;
  readonly #out: fs.WriteStream;
  bytes = 0;

  constructor(target: string) {
    this.#target = target;
    this.#partial = `${target}.${randomUUID().slice(0, 8)}.partial`;
    this.#out = fs.createWriteStream(this.#partial, { flags: 'wx' });
  }

  async write(text: string): Promise<void> {
    const chunk = Buffer.from(text, 'utf8');
    this.bytes += chunk.length;
    if (!this.#out.write(chunk)) await once(this.#out, 'drain');
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.#out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    fs.renameSync(this.#partial, this.#target);
  }

  discard(): void {
    this.#out.destroy();
    fs.rmSync(this.#partial, { force: true });
  }
}

/** Messages per slice of a long conversation: between slices the worker serves other calls. */
const SLICE = 250;

/** One conversation as one line of JSON, exactly as JSON.stringify(exportedConversation(…)) writes it,
 *  but its messages read and written in slices. */
async function writeConversationJson(store: ConversationStore, file: PartialFile, summary: ConversationSummary): Promise<void> {
  const id = summary.id;
  const shell = JSON.stringify(exportedConversation(summary, store.conversationSettings(id), [], []));
  const cut = shell.lastIndexOf('"messages":[]');
  await file.write(`${shell.slice(0, cut)}"messages":[`);
  let afterSeq = 0;
  let first = true;
  for (;;) {
    const slice = store.messageSlice(id, afterSeq, SLICE, { inlineImages: true });
    if (slice.messages.length === 0) break;
    await file.write(`${first ? '' : ','}${slice.messages.map((m) => JSON.stringify(toExportedMessage(m))).join(',')}`);
    first = false;
    afterSeq = slice.lastSeq;
    if (slice.messages.length < SLICE) break;
    await yieldToCalls();
  }
  await file.write(`],"selectedPath":${JSON.stringify(store.selectedPathIds(id))}}`);
}

/** Writes the export conversation by conversation (memory stays flat whatever the history's size),
 *  yielding between conversations so other calls to the store are served meanwhile. */
export async function writeExportFile(
  store: ConversationStore,
  filePath: string,
  input: ParsedCallInput<'conversations:export'>,
  app: { name: string; version: string },
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal,
  exportedAt = new Date(),
): Promise<ExportProgress> {
  const ids = input.ids ?? store.listConversations().map((c) => c.id);
  for (const id of ids) {
    if (!store.getSummary(id)) fail('not_found_local', `There is no conversation with the id ${id.slice(0, 100)}.`);
  }
  let file: PartialFile;
  try {
    file = new PartialFile(filePath);
  } catch (err) {
    return fail('storage', `Could not write ${filePath}: ${(err as Error).message}`);
  }
  const progress: ExportProgress = { conversations: 0, totalConversations: ids.length, bytes: 0 };
  try {
    const json = input.format === 'json';
    const head = json
      ? `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())},` +
        `"app":${JSON.stringify(app)},"conversations":[\n`
      : ids.length === 1
        ? ''
        : `${markdownTitle(ids.length, exportedAt)}\n\n---\n\n`;
    await file.write(head);
    let lastReport = 0;
    for (const [index, id] of ids.entries()) {
      if (signal.aborted) throw new TransferCancelled();
      const summary = store.getSummary(id);
      if (!summary) continue; // purged meanwhile
      if (json) {
        await file.write(index > 0 ? ',\n' : '');
        await writeConversationJson(store, file, summary);
      } else {
        const messages = store.getConversation(id, { limit: Number.MAX_SAFE_INTEGER })?.messages ?? [];
        const heading = ids.length === 1 ? '#' : '##';
        await file.write(`${index > 0 ? '\n\n---\n\n' : ''}${conversationMarkdown({ ...summary, messages }, heading)}`);
      }
      progress.conversations = index + 1;
      progress.bytes = file.bytes;
      if (performance.now() - lastReport > 100) {
        lastReport = performance.now();
        onProgress({ ...progress });
      }
      await yieldToCalls();
    }
    await file.write(json ? '\n]}\n' : '\n');
    await file.commit();
    progress.bytes = file.bytes;
    return progress;
  } catch (err) {
    file.discard();
    throw err;
  }
}
