import { fail } from '../../../shared/errors.ts';
import type { Handlers } from '../api/dispatch.ts';
import type { AsyncAware } from '../store/asyncStore.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import type { DesktopShell } from './shell.ts';

type QuickHandlers = Pick<Handlers, 'app:hotkeyStatus' | 'quick:hide' | 'quick:setPinned' | 'quick:openInMain'>;

/** The calls behind the quick prompt and its global shortcut; the shell does the window work. */
export function createQuickHandlers(shell: DesktopShell, store: AsyncAware<Pick<ConversationStore, 'getSummary'>>): QuickHandlers {
  return {
    'app:hotkeyStatus': () => shell.hotkeyStatus(),
    'quick:hide': () => ({ hidden: shell.hideQuickPrompt() }),
    'quick:setPinned': ({ pinned }) => ({ pinned: shell.setQuickPromptPinned(pinned) }),
    'quick:openInMain': async ({ conversationId }) => {
      if (!(await store.getSummary(conversationId))) fail('not_found_local', 'That conversation no longer exists.');
      return { shown: shell.openInMainWindow(conversationId) };
    },
  };
}
