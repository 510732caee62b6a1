import fs from 'node:fs';
import { JSONParser } from '@streamparser/json';
import type { z } from 'zod';
import { setImmediate as yieldToCalls } from 'node:timers/promises';
import { fail } from '../../../shared/errors.ts';
import { checkpointWal, walBytes } from '../store/checkpoint.ts';
import type { StoreDb } from '../store/storeDb.ts';
import { ChatGptExportSchema, fromChatGpt } from './chatgpt.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportedConversationSchema, type ExportedConversation } from './exportSchema.ts';
import { conversationExists, dropHalfImported, insertConversation, insertMessages, mergeConversation, showImported } from './importWriter.ts';
import { KINDS, notJsonMessage } from './parseImport.ts';
import { TransferCancelled } from './streamExport.ts';

const ChatGptConversationSchema = ChatGptExportSchema.element;
/** Read this much of the file at a time. */
const CHUNK_BYTES = 128 * 1024;
/** A write transaction ends after about this long, and the worker serves other calls before the next
 *  one: no call waits behind an import for much longer than this. */
const BATCH_MS = 25;

export interface ImportProgress {
  imported: number;
  skipped: number;
  messages: number;
  conversations: number;
  bytes: number;
  totalBytes: number;
}

function firstIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  const where = [prefix, ...(issue?.path.map(String) ?? [])].join('.');
  return `${where}: ${issue?.message ?? 'unexpected content'}`;
}

/** Turns each parsed conversation of either kind of file into what the writer merges. */
class ConversationReader {
  kind: 'parley' | 'chatgpt' | undefined;
  format: unknown;
  version: unknown;
  index = 0;

  read(value: unknown): ExportedConversation[] {
    const at = this.index++;
    if (this.kind === 'chatgpt') {
      const parsed = ChatGptConversationSchema.safeParse(value);
      if (!parsed.success) fail('invalid_input', `That does not look like ChatGPT's conversations.json: ${firstIssue(parsed.error, String(at))}.`);
      return fromChatGpt([parsed.data]);
    }
    this.checkHeader();
    const parsed = ExportedConversationSchema.safeParse(value);
    if (!parsed.success) fail('invalid_input', `That Parley export is damaged: ${firstIssue(parsed.error, `conversations.${at}`)}.`);
    if (this.version !== 1) return [parsed.data];
    // Version 1 had no branches: each conversation is one chain, in the order of the file.
    const { selectedPath: _path, ...c } = parsed.data;
    return [{ ...c, messages: c.messages.map(({ parentId: _parent, ...m }) => m) }];
  }

  checkHeader(): void {
    if (this.format !== EXPORT_FORMAT) fail('invalid_input', `That file is not one Parley can import. ${KINDS}`);
    if (typeof this.version === 'number' && this.version > EXPORT_VERSION) {
      fail('invalid_input', `That export was made by a newer version of Parley (format version ${this.version}). Update Parley to import it.`);
    }
    if (this.version !== 1 && this.version !== 2) fail('invalid_input', 'That Parley export is damaged: version: Invalid input.');
  }
}

function parserFor(reader: ConversationReader, found: unknown[]): JSONParser {
  const parley = reader.kind === 'parley';
  const parser = new JSONParser({ paths: parley ? ['$.format', '$.version', '$.conversations.*'] : ['$.*'], keepStack: false, stringBufferSize: 64 * 1024 });
  parser.onValue = ({ value, key, stack }) => {
    if (parley && stack.length === 1) {
      if (key === 'format') reader.format = value;
      else if (key === 'version') reader.version = value;
      return;
    }
    found.push(value);
  };
  return parser;
}

/** Reads an import file as a stream and merges it in batches: each piece of the file read is
 *  validated and written in one transaction, so a cancel or a damaged conversation leaves whole
 *  conversations only (every one before it, none of it). Yields between pieces, so other calls to
 *  the store are served meanwhile. */
export function newImportProgress(): ImportProgress {
  return { imported: 0, skipped: 0, messages: 0, conversations: 0, bytes: 0, totalBytes: 0 };
}

/** `progress` counts what is committed, so after a cancel or a failure it says what was kept. */
export async function importFile(
  db: StoreDb,
  filePath: string,
  progress: ImportProgress,
  onProgress: (progress: ImportProgress) => void,
  signal: AbortSignal,
): Promise<ImportProgress> {
  try {
    progress.totalBytes = fs.statSync(filePath).size;
  } catch (err) {
    return fail('invalid_input', `Could not read that file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
  }
  const reader = new ConversationReader();
  const found: unknown[] = [];
  let parser: JSONParser | undefined;
  let lastReport = 0;
  const stream = fs.createReadStream(filePath, { highWaterMark: CHUNK_BYTES });
  // An import commits many small batches; fsyncing each one (synchronous=FULL) made a commit take
  // 100–300 ms on a busy disk, holding every other call. Meanwhile the WAL is synced at each
  // checkpoint (every 500 ms) and at the end: a power cut during an import can lose its last batches,
  // which importing the file again restores (an import only adds what is missing).
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal.aborted) throw new TransferCancelled();
      if (!parser) {
        const head = chunk.toString('utf8', 0, Math.min(chunk.length, 64)).trimStart();
        reader.kind = head[0] === '{' ? 'parley' : head[0] === '[' ? 'chatgpt' : undefined;
        if (!reader.kind) fail('invalid_input', notJsonMessage(head));
        parser = parserFor(reader, found);
      }
      write(parser, chunk);
      progress.bytes += chunk.length;
      await mergeInBatches(db, reader, found.splice(0), progress, signal);
      if (performance.now() - lastReport > 100) {
        lastReport = performance.now();
        onProgress({ ...progress });
      }
    }
    if (!parser) fail('invalid_input', `That file is empty. ${KINDS}`);
    if (!parser.isEnded) end(parser);
    await mergeInBatches(db, reader, found.splice(0), progress, signal);
    if (reader.kind === 'parley') reader.checkHeader();
    return progress;
  } finally {
    stream.destroy();
    db.exec('PRAGMA synchronous = FULL');
    db.guard('checkpoint the database', () => checkpointWal(db));
  }
}

function write(parser: JSONParser, chunk: Buffer): void {
  try {
    parser.write(chunk);
  } catch (err) {
    fail('invalid_input', `That file is not valid JSON (${(err as Error).message.slice(0, 160)}). ${KINDS}`);
  }
}

function end(parser: JSONParser): void {
  try {
    parser.end();
  } catch (err) {
    fail('invalid_input', `That file ends too early: it is cut off or damaged (${(err as Error).message.slice(0, 120)}).`);
  }
}

/** Validates every conversation of the piece first (a damaged one stops the import before any of the
 *  piece is written), then writes them in transactions of about BATCH_MS each, yielding between them. */
async function mergeInBatches(db: StoreDb, reader: ConversationReader, values: unknown[], progress: ImportProgress, signal: AbortSignal): Promise<void> {
  const conversations = values.flatMap((value) => reader.read(value));
  let next = 0;
  while (next < conversations.length) {
    if (signal.aborted) throw new TransferCancelled();
    if (isLargeAndNew(db, conversations[next]!)) await importInSlices(db, conversations[next++]!, progress, signal);
    else next = merge(db, conversations, next, progress);
    checkpointIfDue(db);
    await yieldToCalls();
  }
}

const CHECKPOINT_MS = 500;
const WAL_SOFT_BYTES = 2 * 1024 * 1024;
/** A new conversation with more messages than this is written in slices of this size, hidden until
 *  its last slice (one transaction for 10,000 messages would hold every other call for too long). */
const SLICE = 250;

function isLargeAndNew(db: StoreDb, conversation: ExportedConversation): boolean {
  return conversation.messages.length > SLICE && !db.guard('import the conversations', () => conversationExists(db, conversation.id));
}

async function importInSlices(db: StoreDb, conversation: ExportedConversation, progress: ImportProgress, signal: AbortSignal): Promise<void> {
  db.guard('import the conversations', () => db.transaction(() => insertConversation(db, conversation, true)));
  let previous: string | null = null;
  let added = 0;
  try {
    for (let at = 0; at < conversation.messages.length; at += SLICE) {
      if (signal.aborted) throw new TransferCancelled();
      const slice = conversation.messages.slice(at, at + SLICE);
      const written = db.guard('import the conversations', () => db.transaction(() => insertMessages(db, conversation.id, slice, previous)));
      previous = written.previous;
      added += written.added;
      checkpointIfDue(db);
      await yieldToCalls();
    }
    db.guard('import the conversations', () => db.transaction(() => showImported(db, conversation)));
  } catch (err) {
    // Whole or not at all: the slices written so far go again.
    db.guard('import the conversations', () => db.transaction(() => dropHalfImported(db, conversation.id)));
    throw err;
  }
  progress.imported += 1;
  progress.messages += added;
  progress.conversations += 1;
}
const lastCheckpoint = { at: 0 };

/** Between batches the WAL is checkpointed often (by time, and as soon as it passes WAL_SOFT_BYTES),
 *  so each checkpoint is short and the WAL small: after a full checkpoint SQLite writes it from the
 *  start again, so it stays near that size. */
function checkpointIfDue(db: StoreDb): void {
  if (performance.now() - lastCheckpoint.at <= CHECKPOINT_MS && walBytes(db) <= WAL_SOFT_BYTES) return;
  db.guard('checkpoint the database', () => checkpointWal(db));
  lastCheckpoint.at = performance.now();
}

/** Writes conversations from `start` in one transaction until BATCH_MS have passed; answers where it stopped. */
function merge(db: StoreDb, conversations: readonly ExportedConversation[], start: number, progress: ImportProgress): number {
  const began = performance.now();
  let next = start;
  const batch = db.guard('import the conversations', () =>
    db.transaction(() => {
      const counts = { imported: 0, skipped: 0, messages: 0 };
      while (next < conversations.length && (next === start || (performance.now() - began < BATCH_MS && !isLargeAndNew(db, conversations[next]!)))) {
        const outcome = mergeConversation(db, conversations[next]!);
        next += 1;
        counts.messages += outcome.messagesAdded;
        if (outcome.created || outcome.messagesAdded > 0) counts.imported += 1;
        else counts.skipped += 1;
      }
      return counts;
    }),
  );
  // Counted once committed: after a failure the counts say what was kept.
  progress.imported += batch.imported;
  progress.skipped += batch.skipped;
  progress.messages += batch.messages;
  progress.conversations += next - start;
  return next;
}
