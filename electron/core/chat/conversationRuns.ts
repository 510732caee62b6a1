import { fail } from '../../../shared/errors.ts';

export const BUSY_MESSAGE = 'A reply is still being written in this conversation. Wait for it to finish, or stop it, then try again.';

/**
 * One reply at a time per conversation, whichever window or tab asks: a second send, edit,
 * regenerate or continue while one is starting or streaming would attach the new message under a
 * reply the request leaves out. Claimed in one synchronous check-and-add, so two calls racing each other
 * cannot both get through.
 */
export class ConversationRuns {
  readonly #busy = new Set<string>();

  isBusy(conversationId: string): boolean {
    return this.#busy.has(conversationId);
  }

  /** Throws `busy` when the conversation already has a reply starting or streaming. */
  claim(conversationId: string): void {
    if (this.#busy.has(conversationId)) fail('busy', BUSY_MESSAGE);
    this.#busy.add(conversationId);
  }

  /** Marks a conversation busy without the check (a new conversation's first reply). */
  hold(conversationId: string): void {
    this.#busy.add(conversationId);
  }

  release(conversationId: string): void {
    this.#busy.delete(conversationId);
  }

  /** Runs `work` with the conversation claimed; a failure before the reply starts releases it, and
   *  a started reply releases it when it ends (see ChatService's run bookkeeping). */
  async exclusive<T>(which: string | undefined | Promise<string | undefined>, work: () => Promise<T>): Promise<T> {
    // Looking the conversation up may wait on the store; the check-and-claim after it is synchronous,
    // so of two calls racing each other only the first gets through.
    const conversationId = await which;
    if (conversationId === undefined) return work();
    this.claim(conversationId);
    try {
      return await work();
    } catch (error) {
      this.release(conversationId);
      throw error;
    }
  }
}
