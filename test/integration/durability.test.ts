import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatService, ChatServiceDeps } from '../../electron/core/chat/ChatService.ts';
import { splitIntoChunks } from '../support/fakeProvider.ts';
import { createChatHarness, type ChatHarness } from '../support/chatHarness.ts';

let h: ChatHarness;
let chat: ChatService | undefined;
/** When each append reached the store, and how long it was. */
let commits: { at: number; chars: number }[];

beforeEach(async () => {
  h = await createChatHarness({ name: 'durable', token: 'sk-durable-test' });
  chat = undefined;
  commits = [];
  const append = h.store.appendToMessage.bind(h.store);
  h.store.appendToMessage = (messageId: string, text: string) => {
    commits.push({ at: performance.now(), chars: text.length });
    append(messageId, text);
  };
});

afterEach(() => h.close());

function startChat(options: Partial<ChatServiceDeps> = {}): ChatService {
  chat = h.startChat(options);
  return chat;
}

function diskBytes(): number {
  const size = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).size : 0);
  return size(h.dbPath) + size(`${h.dbPath}-wal`);
}

/** Folds the WAL into the file and empties it, so growth from here is what the next writes cost. */
function checkpoint(): void {
  const other = new DatabaseSync(h.dbPath);
  try {
    other.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    other.close();
  }
}

const WORDS = 'streaming replies are saved as they arrive so that nothing is lost when the machine dies ';
const REPLY_CHARS = 100 * 1024;
const bigReply = (): string => WORDS.repeat(Math.ceil(REPLY_CHARS / WORDS.length)).slice(0, REPLY_CHARS);

/** Streams a 100 KB reply through ChatService; answers how many bytes the database and WAL grew. */
async function streamBigReply(service: ChatService): Promise<number> {
  const warmup = await service.send({ text: 'warm up', images: [] });
  await h.waitForEnd(warmup.streamId);
  checkpoint();
  commits = [];
  const before = diskBytes();
  h.fake.enqueue({ kind: 'stream', chunks: splitIntoChunks(bigReply(), 400), delayMs: 1 });
  const sent = await service.send({ conversationId: warmup.conversationId, text: 'now something long', images: [] });
  const end = await h.waitForEnd(sent.streamId);
  expect(end).toMatchObject({ type: 'done', message: { content: bigReply() } });
  return diskBytes() - before;
}

describe('durable streaming', () => {
  it('commits the user message before the request goes out', async () => {
    h.fake.enqueue({ kind: 'hang' });
    const sent = await startChat().send({ text: 'keep this safe', images: [] });
    await h.fake.waitForRequests(1);
    const other = new DatabaseSync(h.dbPath, { readOnly: true });
    try {
      const rows = other.prepare('SELECT role, status, content FROM messages ORDER BY seq').all();
      expect(rows.map((r) => [r['role'], r['status'], r['content']])).toEqual([
        ['user', 'complete', 'keep this safe'],
        ['assistant', 'streaming', ''],
      ]);
    } finally {
      other.close();
    }
    chat!.cancel(sent.streamId);
  });

  it('commits a streaming reply at most every 250 ms while the windows get ~16 ms batches', async () => {
    h.fake.enqueue({ kind: 'stream', chunks: Array.from({ length: 40 }, (_, i) => `piece ${i}. `), delayMs: 20 });
    const started = performance.now();
    const sent = await startChat().send({ text: 'slowly please', images: [] });
    const end = await h.waitForEnd(sent.streamId);
    const elapsed = performance.now() - started;

    const deltas = h.events.chat.filter((e) => e.type === 'delta');
    expect(deltas.length).toBeGreaterThan(commits.length);
    expect(commits.length).toBeGreaterThanOrEqual(2);
    expect(commits.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
    // Each commit waited out the interval after the one before (the rest is saved with the ending).
    for (let i = 1; i < commits.length; i++) expect(commits[i]!.at - commits[i - 1]!.at).toBeGreaterThanOrEqual(248);
    const committed = commits.reduce((n, c) => n + c.chars, 0);
    expect(end).toMatchObject({ type: 'done', message: { status: 'complete' } });
    const content = end.type === 'done' ? end.message.content : '';
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThanOrEqual(content.length);
    expect(h.store.getMessage(sent.assistantMessage.id)?.content).toBe(content);
  });

  it('saves the first text of a reply at once, and commits early once saveMaxChars are waiting', async () => {
    h.fake.enqueue({ kind: 'stream', chunks: ['a'.repeat(100), ...Array.from({ length: 6 }, () => 'b'.repeat(600))], delayMs: 2 });
    const sent = await startChat({ saveMaxChars: 1024 }).send({ text: 'burst', images: [] });
    await h.waitForEnd(sent.streamId);
    expect(commits[0]!.chars).toBe(100);
    // 3600 characters after the first commit, 1024 at most waiting: at least three more commits.
    expect(commits.length).toBeGreaterThanOrEqual(4);
    expect(commits.slice(1).every((c) => c.chars >= 1024)).toBe(true);
  });

  it('writes on the order of the reply size to disk for a 100 KB streamed reply', async () => {
    const grown = await streamBigReply(startChat());
    const factor = grown / REPLY_CHARS;
    console.info(`durability: a 100 KB reply grew the database + WAL by ${(grown / 1024).toFixed(0)} KB (factor ${factor.toFixed(2)}, ${commits.length} commits)`);
    // The text is written about three times (chunk rows, the finished message, the search index),
    // plus a few pages per commit; saving the whole message per batch would write megabytes.
    expect(grown).toBeGreaterThan(REPLY_CHARS);
    expect(grown).toBeLessThan(4 * REPLY_CHARS + commits.length * 8 * 1024);
  });

  it('stays within a small factor even when committing every 1 KB', async () => {
    const grown = await streamBigReply(startChat({ saveMaxChars: 1024 }));
    const factor = grown / REPLY_CHARS;
    console.info(`durability: with a commit per 1 KB, ${(grown / 1024).toFixed(0)} KB (factor ${factor.toFixed(2)}, ${commits.length} commits)`);
    expect(grown).toBeLessThan(4 * REPLY_CHARS + commits.length * 8 * 1024);
  });
});
