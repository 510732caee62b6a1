// A large history as a Parley export file (format version 2), written as a stream so its size does
// not depend on memory: what the data-at-scale scenarios and the round-trip test import through
// Parley's own import. Deterministic: the same sizes give the same file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface SyntheticSize {
  conversations: number;
  messagesPerConversation: number;
  /** One extra conversation with this many messages (0: none), id "long-chat". */
  longConversation?: number;
}

const WORDS = (
  'the database keeps every message on disk and the index answers a search in a few milliseconds while ' +
  'optimization of queries matters more than raw speed when the history grows to years of conversations ' +
  'parley streams replies token by token into the window painting at most once per frame so typing stays ' +
  'smooth lighthouse glacier fjord photosynthesis kite marmalade zeppelin tunnel harbour orchard violin'
).split(' ');

/** A small fast PRNG (mulberry32), so the text is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function conversation(id: string, title: string, count: number, end: number, next: () => number): unknown {
  const messages = [];
  let parentId: string | null = null;
  for (let i = 0; i < count; i++) {
    const user = i % 2 === 0;
    const messageId = `${id}-m${i}`;
    const content = user
      ? `${sentence(next, 8 + Math.floor(next() * 12))}`
      : `${sentence(next, 20 + Math.floor(next() * 30))}\n\n- **${sentence(next, 4)}**\n- \`code\` ${sentence(next, 6)}`;
    messages.push({
      id: messageId,
      parentId,
      role: user ? 'user' : 'assistant',
      content,
      images: [],
      status: 'complete',
      ...(user ? {} : { usage: { promptTokens: 10, completionTokens: 20, totalTokens: 30 }, model: 'gpt-5.2' }),
      createdAt: end - (count - i) * 60_000,
    });
    parentId = messageId;
  }
  // In the order Parley's own export writes, so a file Parley exports from it is the same, line for line.
  return { id, title, source: 'main', createdAt: end - count * 60_000, updatedAt: end, messages, selectedPath: messages.map((m) => m.id) };
}

/** Writes the file; answers its size in bytes and the number of messages. */
export async function writeSyntheticExport(filePath: string, size: SyntheticSize, now = Date.UTC(2026, 11, 1)): Promise<{ bytes: number; messages: number }> {
  const out = createWriteStream(filePath);
  const next = random(42);
  let bytes = 0;
  let messages = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`{"format":"parley-export","version":2,"exportedAt":"${new Date(now).toISOString()}","app":{"name":"Parley","version":"bench"},"conversations":[\n`);
  const all = size.conversations + (size.longConversation ? 1 : 0);
  for (let c = 0; c < all; c++) {
    const long = c === size.conversations;
    const count = long ? size.longConversation! : size.messagesPerConversation;
    const id = long ? 'long-chat' : `conv-${c}`;
    const title = long ? 'A very long chat' : `Conversation ${c}: ${sentence(next, 3)}`;
    await write(`${c > 0 ? ',\n' : ''}${JSON.stringify(conversation(id, title, count, now - (all - c) * 3_600_000, next))}`);
    messages += count;
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return { bytes, messages };
}
