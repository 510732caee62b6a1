// What the window holds of one conversation (in the TanStack Query cache): the loaded pages of its
// selected branch as one list, oldest first, and the summary, settings and totals. Pure functions.
import type { ChatEvent } from '../../../../shared/contract/chat.ts';
import type { MessagePage } from '../../../../shared/contract/conversations.ts';
import type { Conversation, ConversationSummary, Message } from '../../../../shared/domain.ts';

export type ConversationMeta = Omit<Conversation, 'messages'>;

export interface ConversationData {
  /** null for a conversation just created by a send, until its first read answers. */
  meta: ConversationMeta | null;
  messages: Message[];
  /** More messages lie before messages[0] (meta.hasOlder once a page is read). */
  hasOlder: boolean;
  /** How the last change touched the list: 'prepend' when older messages went in before the rest
   *  (the virtual list then keeps the view where it was, counted from the end). */
  change: 'prepend' | 'other';
}

export const conversationKey = (id: string) => ['conversation', id] as const;

/** Everything that can change on a saved message. */
function fingerprint(message: Message): string {
  return JSON.stringify(message);
}

/** Keeps the previous object of every message that did not change, so only what is new re-renders. */
function withUnchanged(previous: Message[], next: Message[]): Message[] {
  if (previous.length === 0) return next;
  const known = new Map(previous.map((m) => [m.id, m]));
  return next.map((message) => {
    const old = known.get(message.id);
    return old && fingerprint(old) === fingerprint(message) ? old : message;
  });
}

/**
 * The newest page, freshly read, in place of the newest messages held: the older pages already
 * loaded stay when the page joins them (same branch), otherwise the page alone is the list.
 */
export function withNewestPage(previous: ConversationData | undefined, page: Conversation): ConversationData {
  const { messages: fresh, ...meta } = page;
  const held = previous?.messages ?? [];
  const first = fresh[0];
  const join = first ? held.findIndex((m) => m.id === first.id) : -1;
  if (previous && join > 0) {
    const messages = withUnchanged(held, [...held.slice(0, join), ...fresh]);
    return { meta, messages, hasOlder: previous.hasOlder, change: 'other' };
  }
  return { meta, messages: withUnchanged(held, fresh), hasOlder: page.hasOlder, change: 'other' };
}

/** An older page goes in front (messages already held are not doubled). */
export function withOlderPage(data: ConversationData, page: MessagePage): ConversationData {
  const known = new Set(data.messages.map((m) => m.id));
  const older = page.messages.filter((m) => !known.has(m.id));
  return { ...data, messages: [...older, ...data.messages], hasOlder: page.hasOlder, change: 'prepend' };
}

/** The branch's length follows additions and cuts at the end of the list. */
function withMessages(data: ConversationData, messages: Message[]): ConversationData {
  if (messages === data.messages) return data;
  const meta = data.meta && { ...data.meta, messageCount: Math.max(messages.length, data.meta.messageCount + messages.length - data.messages.length) };
  return { ...data, meta, messages, change: 'other' };
}

/** A chat event (usage, done, error) for this conversation; deltas live in the stream hub. */
export function withChatEvent(data: ConversationData, event: ChatEvent): ConversationData {
  if (event.type === 'delta') return data;
  const messages = data.messages;
  const index = messages.findIndex((m) => m.id === event.messageId);
  const current = messages[index];
  const next = event.type === 'usage' ? current && { ...current, usage: event.usage } : { ...event.message, usage: event.message.usage ?? current?.usage };
  if (!next) return data;
  let updated: Message[];
  if (index < 0) {
    // A new version (regenerate, edit) ends the path right after its parent, in place of its sibling.
    const parent = next.parentId ? messages.findIndex((m) => m.id === next.parentId) : -1;
    updated = parent >= 0 ? [...messages.slice(0, parent + 1), next] : [...messages, next];
  } else {
    updated = messages.slice();
    updated[index] = next;
  }
  const result = withMessages(data, updated);
  const totals = event.type === 'usage' ? undefined : event.totals;
  return totals && result.meta ? { ...result, meta: { ...result.meta, totals } } : result;
}

/** Messages chat.send (or continue) just answered, shown at once. */
export function withAdded(data: ConversationData | undefined, added: Message[]): ConversationData {
  const base: ConversationData = data ?? { meta: null, messages: [], hasOlder: false, change: 'other' };
  const known = new Set(base.messages.map((m) => m.id));
  return withMessages(base, [...base.messages, ...added.filter((m) => !known.has(m.id))]);
}

export function withReplaced(data: ConversationData, previous: Message, next: Message): ConversationData {
  const index = data.messages.findIndex((m) => m.id === previous.id);
  if (index < 0 || data.messages[index] !== previous) return data;
  const messages = data.messages.slice();
  messages[index] = next;
  return withMessages(data, messages);
}

/** A new title, pin or activity, from the changed row main sent. */
export function withSummary(data: ConversationData, summary: ConversationSummary): ConversationData {
  return data.meta ? { ...data, meta: { ...data.meta, ...summary } } : data;
}
