import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationMeta } from '../../electron/core/store/conversationMeta.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { AppErrorException } from '../../shared/errors.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

let dir: string;
let store: ConversationStore;
let meta: ConversationMeta;
const changes: unknown[] = [];

beforeEach(() => {
  dir = makeTempDir('paging');
  store = ConversationStore.open(path.join(dir, 'parley.db'));
  changes.length = 0;
  meta = new ConversationMeta(store.db, { emit: (_channel, payload) => changes.push(payload) }, (id, page) => store.getConversation(id, page));
});

afterEach(() => {
  store.close();
  removeTempDir(dir);
});

/** A conversation of `count` messages (questions and finished answers in turn); answers their ids. */
function longChat(count: number): { id: string; ids: string[] } {
  const { id } = store.createConversation('Long');
  const ids: string[] = [];
  for (let i = 0; i < count; i += 2) {
    ids.push(store.addUserMessage(id, { text: `question ${i}`, images: [] }).id);
    const reply = store.startAssistantMessage(id, 'm');
    store.finishMessage(reply.id, { status: 'complete', tail: `answer ${i}`, usage: { promptTokens: 2, completionTokens: 3, totalTokens: 5 } });
    ids.push(reply.id);
  }
  return { id, ids };
}

const idsOf = (messages: { id: string }[]): string[] => messages.map((m) => m.id);

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppErrorException) return err.error.code;
    throw err;
  }
  return 'no error';
}

describe('reads sized to the screen', () => {
  it('answers the newest page of the selected branch first, with counts and totals for all of it', () => {
    const { id, ids } = longChat(120);
    const page = store.getConversation(id)!;
    expect(idsOf(page.messages)).toEqual(ids.slice(70));
    expect(page).toMatchObject({ hasOlder: true, hasNewer: false, messageCount: 120 });
    // Totals come from every reply, not only the page.
    expect(page.totals).toMatchObject({ promptTokens: 120, completionTokens: 180, totalTokens: 300 });
    expect(page.messages[0]).toMatchObject({ siblingIndex: 1, siblingCount: 1, siblingIds: [ids[70]] });
    expect(idsOf(store.getConversation(id, { limit: 7 })!.messages)).toEqual(ids.slice(113));
  });

  it('pages back with a cursor until the first message, without gaps or repeats, and forward again', () => {
    const { id, ids } = longChat(120);
    const seen: string[] = [];
    let page = store.getConversation(id, { limit: 50 })!;
    seen.unshift(...idsOf(page.messages));
    let older = { messages: page.messages, hasOlder: page.hasOlder };
    while (older.hasOlder) {
      older = store.getPage(id, { before: older.messages[0]!.id }, 50);
      seen.unshift(...idsOf(older.messages));
    }
    expect(seen).toEqual(ids);
    expect(older.messages).toHaveLength(20);
    const next = store.getPage(id, { after: ids[9]! }, 5);
    expect(next).toMatchObject({ hasOlder: true, hasNewer: true });
    expect(idsOf(next.messages)).toEqual(ids.slice(10, 15));
    expect(store.getPage(id, { after: ids[118]! }, 5)).toMatchObject({ messages: [{ id: ids[119] }], hasNewer: false });
    page = store.getConversation(id, { limit: 10, around: ids[30] })!;
    expect(idsOf(page.messages)).toEqual(ids.slice(25, 35));
    expect(page).toMatchObject({ hasOlder: true, hasNewer: true, messageCount: 120 });
    // Around a message among the newest: simply the newest page.
    expect(idsOf(store.getConversation(id, { limit: 10, around: ids[115] })!.messages)).toEqual(ids.slice(110));
  });

  it('pages along the selected branch only, and refuses a cursor on another branch', () => {
    const { id, ids } = longChat(10);
    // A new version of the 4th message starts a second branch of 2 messages.
    const edited = store.addUserMessage(id, { text: 'question 4, again', images: [], parentId: ids[3]! });
    const reply = store.startAssistantMessage(id, 'm', edited.id);
    store.finishMessage(reply.id, { status: 'complete', tail: 'other answer' });
    const page = store.getConversation(id)!;
    expect(idsOf(page.messages)).toEqual([...ids.slice(0, 4), edited.id, reply.id]);
    expect(page.messageCount).toBe(6);
    expect(page.messages[4]).toMatchObject({ siblingIndex: 2, siblingCount: 2, siblingIds: [ids[4], edited.id] });
    expect(errorCode(() => store.getPage(id, { before: ids[7]! }, 5))).toBe('not_found_local');
    expect(errorCode(() => store.getConversation(id, { around: ids[7] }))).toBe('not_found_local');

    // Switching back answers the page of the old branch around the chosen message, and says so.
    const back = meta.selectBranch(ids[4]!, 4);
    expect(idsOf(back.messages)).toEqual(ids.slice(2, 6));
    expect(back).toMatchObject({ messageCount: 10, hasOlder: true, hasNewer: true });
    expect(idsOf(meta.selectBranch(ids[4]!, 50).messages)).toEqual(ids);
    expect(changes.at(-1)).toMatchObject({ conversationId: id, kind: 'messages', summary: { id, title: 'Long' } });
  });

  it('keeps a page small: a 400-message conversation answers 50 messages', () => {
    const { id } = longChat(400);
    const page = store.getConversation(id)!;
    expect(page.messages).toHaveLength(50);
    expect(JSON.stringify(page).length).toBeLessThan(30_000);
    expect(page.messageCount).toBe(400);
  });
});
