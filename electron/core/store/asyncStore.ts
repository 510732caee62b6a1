import type { ConversationStore } from './ConversationStore.ts';

export type Awaitable<T> = T | Promise<T>;

/** A store whose functions may answer now (the store itself, in tests and inside the worker) or later
 *  (the main thread's StoreClient): callers await every answer. */
export type AsyncAware<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Awaitable<Awaited<R>> : T[K];
};

/** What a chat needs from the store. */
export type ChatStore = AsyncAware<
  Pick<
    ConversationStore,
    | 'conversationSettings'
    | 'createConversation'
    | 'addUserMessage'
    | 'getMessage'
    | 'reopenAssistantMessage'
    | 'selectPathTo'
    | 'historyTo'
    | 'hasFollowUps'
    | 'startAssistantMessage'
    | 'appendToMessage'
    | 'finishMessage'
    | 'totals'
  >
>;
