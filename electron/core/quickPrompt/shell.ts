import type { HotkeyStatus } from '../../../shared/contract/app.ts';
import type { Settings } from '../../../shared/settings.ts';
import { browserModeHotkeyStatus } from '../hotkey/status.ts';

/**
 * What the handlers need from the desktop around them: the quick-prompt window, the main window and
 * the global shortcut. electron/main implements it; browser mode has no windows to drive.
 */
export interface DesktopShell {
  hotkeyStatus(): HotkeyStatus;
  /** After every saved settings change: re-registers the shortcut when it changed. */
  settingsChanged(settings: Settings): void;
  /** False when there was no visible quick-prompt window. */
  hideQuickPrompt(): boolean;
  /** Returns the pinned state now in force. */
  setQuickPromptPinned(pinned: boolean): boolean;
  /** True when a main window now shows the conversation. */
  openInMainWindow(conversationId: string): boolean;
}

/** Browser mode: the quick prompt is a page of its own, so hiding and pinning do nothing and "Open in
 *  main window" is left to the page (it navigates to the main page). */
export function browserModeShell(current: () => Settings): DesktopShell {
  return {
    hotkeyStatus: () => browserModeHotkeyStatus(current().quickPromptHotkey),
    settingsChanged: () => undefined,
    hideQuickPrompt: () => false,
    setQuickPromptPinned: (pinned) => pinned,
    openInMainWindow: () => false,
  };
}
