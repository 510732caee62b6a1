import type { DesktopShell } from '../core/quickPrompt/shell.ts';
import type { GlobalHotkey } from './hotkey.ts';
import type { MainWindow } from './mainWindow.ts';
import type { QuickWindow } from './quickWindow.ts';

/** The handlers' view of the desktop: quick-prompt and main windows, and the global shortcut. */
export function createDesktopShell(parts: { hotkey: GlobalHotkey; quick: QuickWindow; main: MainWindow }): DesktopShell {
  const { hotkey, quick, main } = parts;
  return {
    hotkeyStatus: () => hotkey.status(),
    settingsChanged: (settings) => void hotkey.apply(settings.quickPromptHotkey),
    hideQuickPrompt: () => quick.hide(),
    setQuickPromptPinned: (pinned) => quick.setPinned(pinned),
    openInMainWindow: (conversationId) => {
      main.open({ conversationId });
      quick.hide(false);
      return true;
    },
  };
}
