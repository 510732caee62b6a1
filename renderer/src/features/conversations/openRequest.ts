// What the main page is asked to show when it opens: `?conversation=<id>` (the quick prompt's "Open
// in main window") or `?new=1` (the tray's "New chat"). Electron's main window is loaded with them;
// in browser mode the quick-prompt page navigates to them.

export type OpenRequest = { conversationId: string } | { newChat: true };

const CONVERSATION = 'conversation';
const NEW_CHAT = 'new';

/** The main page's address, relative to any page beside it (quick.html), opening this conversation. */
export function mainPageHref(conversationId: string): string {
  return `./?${new URLSearchParams({ [CONVERSATION]: conversationId })}`;
}

/**
 * Reads the request from the address once and takes it out, so a reload does not repeat it (the
 * open conversation then lives in the hash, like any other).
 */
export function takeOpenRequest(): OpenRequest | null {
  const params = new URLSearchParams(location.search);
  const conversationId = params.get(CONVERSATION)?.trim();
  const newChat = params.get(NEW_CHAT) === '1';
  if (!conversationId && !newChat) return null;
  params.delete(CONVERSATION);
  params.delete(NEW_CHAT);
  const rest = params.toString();
  const search = rest ? `?${rest}` : '';
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  return conversationId ? { conversationId } : { newChat: true };
}
