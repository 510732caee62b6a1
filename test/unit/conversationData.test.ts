import { describe, expect, it } from 'vitest';
import { withAdded, withChatEvent, withNewestPage, withOlderPage } from '../../renderer/src/features/chat/conversationData.ts';
import type { Conversation, Message } from '../../shared/domain.ts';

const message = (id: string, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'c',
  role: 'user',
  content: id,
  images: [],
  status: 'complete',
  createdAt: 1,
  ...extra,
});
const page = (messages: Message[], hasOlder: boolean, messageCount: number): Conversation => ({
  id: 'c',
  title: 'T',
  createdAt: 1,
  updatedAt: 1,
  messages,
  hasOlder,
  hasNewer: false,
  messageCount,
});

describe('conversation pages in the window', () => {
  it('puts older pages in front and keeps them when the newest page is read again', () => {
    const first = withNewestPage(undefined, page([message('m3'), message('m4')], true, 4));
    const both = withOlderPage(first, { messages: [message('m1'), message('m2')], hasOlder: false, hasNewer: true });
    expect(both.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(both.change).toBe('prepend');
    expect(both.hasOlder).toBe(false);
    const kept = both.messages[0];
    const again = withNewestPage(both, page([message('m3'), message('m4'), message('m5')], true, 5));
    expect(again.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(again.messages[0]).toBe(kept); // unchanged messages keep their object: no re-render
    expect(again.hasOlder).toBe(false);
    expect(again.change).toBe('other');
  });

  it('drops the older pages when the newest page does not join them (another branch)', () => {
    const data = withOlderPage(withNewestPage(undefined, page([message('m3')], true, 3)), { messages: [message('m2')], hasOlder: true, hasNewer: true });
    const other = withNewestPage(data, page([message('x3')], true, 3));
    expect(other.messages.map((m) => m.id)).toEqual(['x3']);
    expect(other.hasOlder).toBe(true);
  });

  it('follows a new version after its parent, the branch length and the totals of a finished reply', () => {
    const data = withAdded(withNewestPage(undefined, page([message('u1'), message('a1', { role: 'assistant', parentId: 'u1' })], false, 2)), []);
    const regenerated = message('a1b', { role: 'assistant', parentId: 'u1', status: 'complete' });
    const totals = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };
    const next = withChatEvent(data, { type: 'done', streamId: 's', conversationId: 'c', messageId: 'a1b', status: 'complete', message: regenerated, totals });
    expect(next.messages.map((m) => m.id)).toEqual(['u1', 'a1b']);
    expect(next.meta?.messageCount).toBe(2);
    expect(next.meta?.totals).toEqual(totals);
    const added = withAdded(next, [message('u2'), message('a2', { role: 'assistant', status: 'streaming' })]);
    expect(added.meta?.messageCount).toBe(4);
  });
});
