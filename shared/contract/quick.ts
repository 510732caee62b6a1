import { z } from 'zod';
import { IdSchema } from '../domain.ts';

// The quick-prompt window's calls. In browser mode there is no window to hide or pin, so hide and
// setPinned answer harmlessly and openInMain tells the page to open the main page itself.
export const quickCalls = {
  /** Esc in the quick prompt: hides its window (false when there is none to hide). */
  'quick:hide': { input: z.undefined(), output: z.object({ hidden: z.boolean() }) },
  /** While pinned, the window stays open when it loses focus. */
  'quick:setPinned': {
    input: z.object({ pinned: z.boolean() }).strict(),
    output: z.object({ pinned: z.boolean() }),
  },
  /** "Open in main window": shown true when the desktop app's main window now shows the conversation;
   *  false in browser mode, where the page itself goes to `/?conversation=<id>`. */
  'quick:openInMain': {
    input: z.object({ conversationId: IdSchema }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
} as const;

export const quickEvents = {
  /** Pushed to the quick-prompt window each time it is shown: focus the "Quick prompt" textbox. */
  'quick:shown': z.object({}),
} as const;
