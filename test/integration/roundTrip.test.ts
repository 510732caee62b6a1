import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../bench/syntheticExport.ts';
import type { TransferStart } from '../../shared/contract/conversations.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';
import { startHarness, type Harness } from './transferHarness.ts';

// A backup of a large history must always restore: 200,000 messages (5,000 conversations of 40) go in
// through the streamed import, out through the streamed export, into an empty data folder and out
// again; both exports must be the same conversations, byte for byte.
const MESSAGES = Number(process.env.PARLEY_ROUNDTRIP_MESSAGES ?? 200_000);
const EACH = 40;

let dir: string;
const open: Harness[] = [];
beforeEach(() => {
  dir = makeTempDir('round-trip');
});
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  removeTempDir(dir);
});

/** Desktop-mode services whose dialogs answer the given paths, in turn. */
async function desktop(name: string, paths: string[]): Promise<Harness> {
  const next = async (): Promise<string | undefined> => paths.shift();
  const h = await startHarness(path.join(dir, name), { mode: 'desktop', transferDialogs: { chooseExportPath: next, chooseImportPath: next } });
  open.push(h);
  return h;
}

async function run(h: Harness, channel: 'conversations:importFile' | 'conversations:exportFile', input: unknown) {
  const start = await h.call<TransferStart>(channel, input);
  return h.ending(start.jobId!);
}

/** The conversation lines of a Parley export (one per line as Parley writes them), without the header. */
async function* conversationLines(file: string): AsyncGenerator<string> {
  let first = true;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (first) {
      first = false;
      continue;
    }
    if (line === ']}' || line === '') continue;
    yield line.endsWith(',') ? line.slice(0, -1) : line;
  }
}

describe('a round trip of 200,000 messages', () => {
  it(`exports and re-imports ${MESSAGES.toLocaleString('en')} messages losslessly`, { timeout: 600_000 }, async () => {
    const seed = path.join(dir, 'seed.json');
    const first = path.join(dir, 'first.json');
    const second = path.join(dir, 'second.json');
    const conversations = Math.round(MESSAGES / EACH);
    const written = await writeSyntheticExport(seed, { conversations, messagesPerConversation: EACH });
    expect(written.messages).toBe(MESSAGES);

    const a = await desktop('a', [seed, first]);
    expect(await run(a, 'conversations:importFile', {})).toMatchObject({ phase: 'done', result: { imported: conversations, messages: MESSAGES } });
    expect(await run(a, 'conversations:exportFile', { format: 'json' })).toMatchObject({ phase: 'done', conversations });

    const b = await desktop('b', [first, second]);
    expect(await run(b, 'conversations:importFile', {})).toMatchObject({ phase: 'done', result: { imported: conversations, skipped: 0, messages: MESSAGES } });
    expect(await run(b, 'conversations:exportFile', { format: 'json' })).toMatchObject({ phase: 'done', conversations });

    const left = conversationLines(first);
    const right = conversationLines(second);
    let compared = 0;
    let messages = 0;
    for (;;) {
      const [l, r] = await Promise.all([left.next(), right.next()]);
      expect(l.done).toBe(r.done);
      if (l.done || r.done) break;
      if (l.value !== r.value) expect(JSON.parse(r.value)).toEqual(JSON.parse(l.value));
      messages += (JSON.parse(l.value) as { messages: unknown[] }).messages.length;
      compared += 1;
    }
    expect(compared).toBe(conversations);
    expect(messages).toBe(MESSAGES);
  });
});
