import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../bench/syntheticExport.ts';
import type { TransferEvent, TransferStart } from '../../shared/contract/conversations.ts';
import type { Conversation, ConversationSummary } from '../../shared/domain.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';
import { startHarness, type Harness } from './transferHarness.ts';

let dir: string;
const open: Harness[] = [];

beforeEach(() => {
  dir = makeTempDir('stream-transfer');
});
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  removeTempDir(dir);
});

async function harness(name: string): Promise<Harness> {
  const h = await startHarness(path.join(dir, name));
  open.push(h);
  return h;
}

/** POSTs a file to an import URL as a stream, as the page's upload does. */
async function upload(h: Harness, url: string, file: string): Promise<Response> {
  return fetch(h.base + url, {
    method: 'POST',
    headers: { cookie: await h.cookie(), 'content-type': 'application/octet-stream' },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
}

async function importThrough(h: Harness, file: string): Promise<TransferEvent> {
  const start = await h.call<TransferStart>('conversations:importFile', {});
  const response = await upload(h, start.url!, file);
  const answered = (await response.json()) as TransferEvent;
  expect(answered).toEqual(await h.ending(start.jobId!));
  return answered;
}

/** Every conversation that is there is whole: all of its messages. */
async function everyConversationWhole(h: Harness, messagesEach: number): Promise<number> {
  const list = await h.call<ConversationSummary[]>('conversations:list');
  for (const summary of list) {
    const page = await h.call<Conversation>('conversations:get', { id: summary.id, limit: 1 });
    expect(page.messageCount, summary.id).toBe(messagesEach);
  }
  return list.length;
}

describe('streamed export and import in browser mode', () => {
  it('downloads an export from a one-time URL that needs the session, and imports it back by upload', async () => {
    const a = await harness('a');
    const source = path.join(dir, 'seed.json');
    await writeSyntheticExport(source, { conversations: 30, messagesPerConversation: 6 });
    expect(await importThrough(a, source)).toMatchObject({ phase: 'done', result: { imported: 30, skipped: 0, messages: 180 } });

    const start = await a.call<TransferStart>('conversations:exportFile', { format: 'json' });
    expect(start.url).toMatch(/^\/transfer\/[A-Za-z0-9_-]+$/);
    expect(start.fileName).toMatch(/^parley-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect((await fetch(a.base + start.url!)).status).toBe(401);
    // The refused request did not use the URL up; with the session it downloads, once.
    const download = await fetch(a.base + start.url!, { headers: { cookie: await a.cookie() } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    const text = await download.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'parley-export', version: 2 });
    expect((await fetch(a.base + start.url!, { headers: { cookie: await a.cookie() } })).status).toBe(404);
    expect(await a.ending(start.jobId!)).toMatchObject({ phase: 'done', kind: 'export', conversations: 30, totalConversations: 30 });

    const exported = path.join(dir, 'exported.json');
    writeFileSync(exported, text);
    const b = await harness('b');
    expect(await importThrough(b, exported)).toMatchObject({ phase: 'done', result: { imported: 30, messages: 180 } });
    expect(await everyConversationWhole(b, 6)).toBe(30);
    // Again: nothing new.
    expect(await importThrough(b, exported)).toMatchObject({ phase: 'done', result: { imported: 0, skipped: 30, messages: 0 } });
  });

  it('cancels an import between batches, keeping whole conversations only, and serves other calls meanwhile', async () => {
    const h = await harness('cancel');
    const file = path.join(dir, 'big.json');
    await writeSyntheticExport(file, { conversations: 600, messagesPerConversation: 40 });
    const start = await h.call<TransferStart>('conversations:importFile', {});
    const posted = upload(h, start.url!, file);
    // Wait for the first progress report, then ask for the list (served while the import runs) and cancel.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (h.events.some((e) => e.channel === 'conversations:transfer' && (e.payload as TransferEvent).jobId === start.jobId)) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    await h.call('conversations:list');
    const endedBeforeList = h.events.some((e) => e.channel === 'conversations:transfer' && (e.payload as TransferEvent).phase !== 'running');
    expect(endedBeforeList).toBe(false);
    expect(await h.call<{ cancelled: boolean }>('conversations:cancelTransfer', { jobId: start.jobId })).toEqual({ cancelled: true });
    const end = (await (await posted).json()) as TransferEvent;
    expect(end.phase).toBe('cancelled');
    expect(end.result!.imported).toBeLessThan(600);
    expect(await everyConversationWhole(h, 40)).toBe(end.result!.imported);
    expect(await h.call<{ cancelled: boolean }>('conversations:cancelTransfer', { jobId: start.jobId })).toEqual({ cancelled: false });
  });

  it('honours a Cancel that comes while the file is still uploading: nothing is imported', async () => {
    const h = await harness('early');
    const file = path.join(dir, 'early.json');
    await writeSyntheticExport(file, { conversations: 50, messagesPerConversation: 4 });
    const start = await h.call<TransferStart>('conversations:importFile', {});
    // Cancelled before the upload (and so the import) began.
    expect(await h.call<{ cancelled: boolean }>('conversations:cancelTransfer', { jobId: start.jobId })).toEqual({ cancelled: true });
    const end = (await (await upload(h, start.url!, file)).json()) as TransferEvent;
    expect(end).toMatchObject({ phase: 'cancelled', result: { imported: 0 } });
    expect(await h.call<ConversationSummary[]>('conversations:list')).toEqual([]);
    expect(await h.call<{ cancelled: boolean }>('conversations:cancelTransfer', { jobId: start.jobId })).toEqual({ cancelled: false });
  });

  it('writes a very long conversation in slices, hidden until whole, and removes it whole on cancel', async () => {
    const h = await harness('long');
    const file = path.join(dir, 'long.json');
    await writeSyntheticExport(file, { conversations: 0, messagesPerConversation: 0, longConversation: 6000 });
    const dbPath = path.join(dir, 'long', 'parley.db');
    const messagesInFile = (): number => {
      const db = new DatabaseSync(dbPath, { readOnly: true });
      try {
        return Number(db.prepare('SELECT count(*) AS n FROM messages').get()?.['n']);
      } finally {
        db.close();
      }
    };
    const start = await h.call<TransferStart>('conversations:importFile', {});
    const posted = upload(h, start.url!, file);
    // Some slices are in, but the conversation is not shown while it is incomplete.
    await expect.poll(messagesInFile, { timeout: 60_000, interval: 5 }).toBeGreaterThan(0);
    expect(await h.call<ConversationSummary[]>('conversations:list')).toEqual([]);
    await h.call('conversations:cancelTransfer', { jobId: start.jobId });
    const end = (await (await posted).json()) as TransferEvent;
    expect(end).toMatchObject({ phase: 'cancelled', result: { imported: 0, messages: 0 } });
    expect(messagesInFile()).toBe(0);
    expect(await h.call<ConversationSummary[]>('conversations:trash')).toEqual([]);

    // Uninterrupted, it arrives whole.
    expect(await importThrough(h, file)).toMatchObject({ phase: 'done', result: { imported: 1, messages: 6000 } });
    expect(await everyConversationWhole(h, 6000)).toBe(1);
  });

  it('refuses bad files with a clear message and writes nothing of them', async () => {
    const h = await harness('bad');
    const cases: Array<[string, string, RegExp]> = [
      ['zip.json', 'PK\u0003\u0004 not json', /not valid JSON: it looks like a ZIP archive/],
      ['photo.png', '\u0089PNG\r\n\u001a\n', /not valid JSON: it looks like a PNG image/],
      ['truncated.json', '{"format":"parley-export","version":2,"conversations":[{"id":"c1","title":"t","createdAt":1,"updatedAt":1,"messages":[', /cut off or damaged|not valid JSON/],
      ['newer.json', '{"format":"parley-export","version":9,"conversations":[]}', /newer version of Parley/],
      ['other.json', '{"hello":1}', /not one Parley can import/],
      ['empty.json', '', /empty/],
    ];
    const good = (id: string): string => JSON.stringify({ id, title: id, createdAt: 1, updatedAt: 1, messages: [{ id: `${id}-m`, role: 'user', content: 'hi', createdAt: 1 }] });
    const damaged = `{"format":"parley-export","version":2,"conversations":[${good('g1')},${good('g2')},{"id":"g3","title":"x","createdAt":1,"updatedAt":1,"messages":[{"id":"g3-m","role":"robot","content":"?","createdAt":1}]}]}`;
    cases.push(['damaged.json', damaged, /damaged: conversations\.2\.messages\.0\.role/]);
    for (const [name, content, message] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      const end = await importThrough(h, file);
      expect(end, name).toMatchObject({ phase: 'failed', error: { code: 'invalid_input', message: expect.stringMatching(message) } });
      expect(end.result, name).toMatchObject({ imported: 0 });
    }
    expect(await h.call<ConversationSummary[]>('conversations:list')).toEqual([]);
  });

  it("imports ChatGPT's conversations.json through the same streaming path", async () => {
    const h = await harness('chatgpt');
    const mapping = {
      root: { id: 'root', parent: null, children: ['u1'], message: null },
      u1: { id: 'u1', parent: 'root', children: ['a1'], message: { id: 'u1', author: { role: 'user' }, create_time: 1_700_000_001, content: { content_type: 'text', parts: ['What is a fjord?'] } } },
      a1: { id: 'a1', parent: 'u1', children: [], message: { id: 'a1', author: { role: 'assistant' }, create_time: 1_700_000_002, content: { content_type: 'text', parts: ['A sea inlet carved by glaciers.'] } } },
    };
    const file = path.join(dir, 'conversations.json');
    writeFileSync(file, JSON.stringify([{ id: 'gpt-1', title: 'Fjords', create_time: 1_700_000_000, update_time: 1_700_000_002, mapping, current_node: 'a1' }]));
    expect(await importThrough(h, file)).toMatchObject({ phase: 'done', result: { imported: 1, messages: 2 } });
    const page = await h.call<Conversation>('conversations:get', { id: 'gpt-1' });
    expect(page.messages.map((m) => m.content)).toEqual(['What is a fjord?', 'A sea inlet carved by glaciers.']);
  });
});

describe('streamed export and import in the desktop app', () => {
  it('writes to the path the save dialog chose and reads the one the open dialog chose', async () => {
    const target = path.join(dir, 'chosen.md');
    const chosen: string[] = [];
    const h = await startHarness(path.join(dir, 'desk'), {
      mode: 'desktop',
      transferDialogs: {
        chooseExportPath: async (name) => {
          chosen.push(name);
          return target;
        },
        chooseImportPath: async () => (chosen.length > 0 ? undefined : path.join(dir, 'seed.json')),
      },
    });
    open.push(h);
    await writeSyntheticExport(path.join(dir, 'seed.json'), { conversations: 3, messagesPerConversation: 4 });
    const imported = await h.call<TransferStart>('conversations:importFile', {});
    expect(imported.url).toBeUndefined();
    expect(await h.ending(imported.jobId!)).toMatchObject({ phase: 'done', result: { imported: 3, messages: 12 } });

    const exported = await h.call<TransferStart>('conversations:exportFile', { format: 'markdown' });
    expect(chosen).toEqual([expect.stringMatching(/^parley-export-.*\.md$/)]);
    expect(await h.ending(exported.jobId!)).toMatchObject({ phase: 'done', conversations: 3 });
    const markdown = readFileSync(target, 'utf8');
    expect(markdown).toMatch(/^# Parley conversations/);
    expect(markdown.match(/^## Conversation/gm)).toHaveLength(3);
    expect(statSync(target).size).toBeGreaterThan(100);
    // A dismissed dialog starts nothing.
    expect(await h.call<TransferStart>('conversations:importFile', {})).toEqual({ cancelled: true });
  });
});
