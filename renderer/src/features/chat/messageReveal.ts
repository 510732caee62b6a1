// Search's jump-to-message, as the virtual message list takes it: the list may hold only the newest
// page and render only what is on screen, so "scroll to the element" cannot work by itself. The
// search side calls revealMessage(); the list showing that conversation loads older pages until the
// message is among them, scrolls it into the middle, focuses and highlights it.

export interface RevealRequest {
  messageId: string;
  /** The conversation the message is in, when the caller knows it. */
  conversationId: string | undefined;
  /** The conversation on screen when the request was made (the list about to be replaced). */
  shownThen: string | null;
  at: number;
}

/** A request no list took by then is dropped (its conversation never opened). */
const KEEP_MS = 15_000;

let pending: RevealRequest | null = null;
let shown: string | null = null;
const listeners = new Set<(request: RevealRequest) => void>();

/** Scrolls to a message and highlights it, once its conversation is on screen (now, or once opened). */
export function revealMessage(messageId: string, conversationId?: string): void {
  pending = { messageId, conversationId, shownThen: shown, at: Date.now() };
  for (const listener of [...listeners]) listener(pending);
}

/** Whether the list showing `conversationId` should take the request (and look for the message). */
export function isFor(request: RevealRequest, conversationId: string): boolean {
  if (Date.now() - request.at > KEEP_MS) return false;
  return request.conversationId !== undefined ? request.conversationId === conversationId : request.shownThen !== conversationId;
}

/** For the message list: the request waiting (if any), and each new one. */
export function subscribeReveal(conversationId: string, listener: (request: RevealRequest) => void): () => void {
  shown = conversationId;
  listeners.add(listener);
  if (pending) listener(pending);
  return () => {
    listeners.delete(listener);
    if (shown === conversationId) shown = null;
  };
}

/** The list took the request. */
export function settleReveal(request: RevealRequest): void {
  if (pending === request) pending = null;
}
