/** How long to wait for the message to appear (its conversation is still loading). */
const WAIT_MS = 8_000;
const HIGHLIGHT_MS = 2_400;

/** The element id of a message in the chat view (MessageItem sets it). */
export function messageElementId(messageId: string): string {
  return `message-${messageId}`;
}

/** Fired on the message before scrolling to it, so the message list stops pinning to the bottom. */
export const REVEAL_EVENT = 'parley:reveal-message';

let cancelPending: (() => void) | undefined;

function reveal(element: HTMLElement): void {
  element.dispatchEvent(new CustomEvent(REVEAL_EVENT, { bubbles: true }));
  element.scrollIntoView({ block: 'center' });
  // Focus follows, so a screen reader reads the message and the keyboard continues from there.
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus({ preventScroll: true });
  element.classList.remove('message--found');
  void element.offsetWidth; // restart the highlight if the same message is found twice in a row
  element.classList.add('message--found');
  setTimeout(() => element.classList.remove('message--found'), HIGHLIGHT_MS);
}

/**
 * Scrolls to a message and highlights it briefly, once it is on the page: right away when its
 * conversation is open, otherwise as soon as the conversation has loaded. A newer call replaces an
 * older one that is still waiting.
 */
export function revealMessage(messageId: string): void {
  cancelPending?.();
  const id = messageElementId(messageId);
  let frame = 0;
  const observer = new MutationObserver(() => check());
  const timer = setTimeout(() => stop(), WAIT_MS);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    cancelPending = undefined;
  }
  function check(): void {
    const element = document.getElementById(id);
    if (!element) return;
    observer.disconnect();
    clearTimeout(timer);
    // Two frames: the list's own effects (pin to the bottom on a new conversation) run first.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        cancelPending = undefined;
        reveal(element);
      });
    });
  }
  cancelPending = stop;
  observer.observe(document.body, { childList: true, subtree: true });
  check();
}
