/** Every keyboard shortcut Parley has, for the sheet (Ctrl+/) and the README's table. */
export interface Shortcut {
  keys: string;
  does: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const mod = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: `${mod}+N`, does: 'New chat' },
  { keys: `${mod}+K`, does: 'Search conversations' },
  { keys: `${mod}+B`, does: 'Show or hide the sidebar' },
  { keys: `${mod}+,`, does: 'Settings' },
  { keys: `${mod}+/`, does: 'This list of shortcuts' },
  { keys: 'Enter', does: 'Send the message' },
  { keys: 'Shift+Enter', does: 'New line in the message' },
  { keys: '↑ (empty composer)', does: 'Edit your last message' },
  { keys: 'Esc', does: 'Stop the reply, or close a dialog or menu' },
  { keys: `${mod}+Shift+Space`, does: 'Quick prompt, from anywhere (desktop app; changeable in Settings)' },
];
