/**
 * Puts the caret back in the message box after a keyboard action (new chat, Stop, Settings closed).
 * Next frame: the action's own render (or a closing dialog restoring focus) happens first.
 */
export function focusComposer(): void {
  requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>('textarea.composer__input')?.focus());
}
