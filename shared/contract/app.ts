import { z } from 'zod';

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const AppInfoSchema = z.object({
  name: z.literal('Parley'),
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  dataDir: z.string(),
  /** Things the user must be told once: a settings file moved aside, a database restored. */
  notices: z.array(NoticeSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** Whether the quick prompt's global shortcut works; message says why not, or what to watch for. */
export const HotkeyStatusSchema = z.object({
  /** Canonical accelerator from the settings; empty when none is set. */
  accelerator: z.string(),
  registered: z.boolean(),
  message: z.string().optional(),
});
export type HotkeyStatus = z.infer<typeof HotkeyStatusSchema>;

export const appCalls = {
  'app:info': { input: z.undefined(), output: AppInfoSchema },
  'app:dismissNotice': { input: z.object({ id: z.string().min(1) }).strict(), output: z.object({ dismissed: z.boolean() }) },
  'app:hotkeyStatus': { input: z.undefined(), output: HotkeyStatusSchema },
} as const;

export const appEvents = {
  'app:notice': NoticeSchema,
  /** Sent to the main window: show this conversation (from the quick prompt's "Open in main window"). */
  'app:openConversation': z.object({ conversationId: z.string() }),
  /** Sent to the main window: start a new chat (the tray's "New chat"). */
  'app:newChat': z.object({}),
} as const;
