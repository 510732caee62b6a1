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

export const appCalls = {
  'app:info': { input: z.undefined(), output: AppInfoSchema },
  'app:dismissNotice': { input: z.object({ id: z.string().min(1) }).strict(), output: z.object({ dismissed: z.boolean() }) },
} as const;

export const appEvents = {
  'app:notice': NoticeSchema,
} as const;
