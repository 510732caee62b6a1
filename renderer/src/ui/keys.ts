import type { KeyboardEvent } from 'react';

/**
 * Enter that should submit a multi-line box: not Shift+Enter (a new line), and not the Enter that
 * confirms an input method's candidate (isComposing, or keyCode 229 in browsers that report it so).
 */
export function isSubmitEnter(event: KeyboardEvent<HTMLElement>): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229;
}
