import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../../bench/syntheticExport.ts';
import type { TransferStart } from '../../shared/contract/conversations.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';
import { startHarness, type Harness } from './transferHarness.ts';

// A backup of a large history must always restore: a Parley export of 200,000 messages (5,000
// conversations of 40) goes into an empty data folder through the streamed import and out again
// through the streamed export; the two files must hold the same conversations, line for line.
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

function digest(line: string): string {
  return createHash('sha256').update(line).digest('hex');
}

async function findLine(file: string, id: string): Promise<string> {
  for await (const line of conversationLines(file)) if ((JSON.parse(line) as { id: string }).id === id) return line;
  throw new Error(`${id} is not in ${file}`);
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
  it(`imports a ${MESSAGES.toLocaleString('en')}-message export into an empty folder and exports it back byte for byte`, { timeout: 600_000 }, async () => {
    const seed = path.join(dir, 'seed.json');
    const first = path.join(dir, 'first.json');
    const conversations = Math.round(MESSAGES / EACH);
    const written = await writeSyntheticExport(seed, { conversations, messagesPerConversation: EACH });
    expect(written.messages).toBe(MESSAGES);

    const a = await desktop('a', [seed, first]);
    expect(await run(a, 'conversations:importFile', {})).toMatchObject({ phase: 'done', result: { imported: conversations, skipped: 0, messages: MESSAGES } });
    expect(await run(a, 'conversations:exportFile', { format: 'json' })).toMatchObject({ phase: 'done', conversations });

    // The export lists the conversations most recent first: compare by id, line against line.
    const seeded = new Map<string, string>();
    for await (const line of conversationLines(seed)) seeded.set((JSON.parse(line) as { id: string }).id, digest(line));
    let compared = 0;
    let messages = 0;
    for await (const line of conversationLines(first)) {
      const exported = JSON.parse(line) as { id: string; messages: unknown[] };
      const expected = seeded.get(exported.id);
      expect(expected, exported.id).toBeDefined();
      if (digest(line) !== expected) {
        // Not the same bytes: show how they differ, then fail.
        const original = await findLine(seed, exported.id);
        expect(exported, exported.id).toEqual(JSON.parse(original));
        expect(line, exported.id).toBe(original);
      }
      messages += exported.messages.length;
      compared += 1;
    }
    expect(compared).toBe(conversations);
    expect(messages).toBe(MESSAGES);
  });
});
