import { z } from 'zod';
import {
  ConversationSettingsSchema,
  ConversationSourceSchema,
  IdSchema,
  ImageAttachmentSchema,
  MessageStatusSchema,
  RoleSchema,
  UsageSchema,
} from '../../../shared/domain.ts';
import { AppErrorSchema } from '../../../shared/errors.ts';

// The lossless JSON file format. Bump EXPORT_VERSION (and keep reading the old ones) when its shape
// changes. Version 2 added branches: every message of every branch, each with its parentId, and the
// path on screen per conversation. Version 1 files (one chain per conversation) still import.
export const EXPORT_FORMAT = 'parley-export';
export const EXPORT_VERSION = 2;
export const READABLE_VERSIONS = [1, 2] as const;

const timestamp = z.number().int().nonnegative();

export const ExportedMessageSchema = z.object({
  id: IdSchema,
  /** Version 2: the message it follows, null for a first message. Absent (version 1, ChatGPT):
   *  the message before it in the list. */
  parentId: IdSchema.nullable().optional(),
  role: RoleSchema,
  content: z.string(),
  images: z.array(ImageAttachmentSchema).default([]),
  status: MessageStatusSchema.default('complete'),
  error: AppErrorSchema.optional(),
  usage: UsageSchema.optional(),
  model: z.string().max(200).optional(),
  timeToFirstTokenMs: z.number().int().nonnegative().optional(),
  /** A reasoning model's thinking (an optional field: older version 2 files simply have none). */
  reasoning: z.string().optional(),
  reasoningMs: z.number().int().nonnegative().optional(),
  createdAt: timestamp,
});
export type ExportedMessage = z.infer<typeof ExportedMessageSchema>;

export const ExportedConversationSchema = z.object({
  id: IdSchema,
  title: z.string().max(1000),
  source: ConversationSourceSchema.optional(),
  pinned: z.boolean().optional(),
  settings: ConversationSettingsSchema.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
  /** Oldest first; a parent always comes before its children. */
  messages: z.array(ExportedMessageSchema),
  /** Version 2: the ids of the messages on screen, first to last. */
  selectedPath: z.array(IdSchema).optional(),
});
export type ExportedConversation = z.infer<typeof ExportedConversationSchema>;

export const ParleyExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  /** ISO 8601. */
  exportedAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }).optional(),
  conversations: z.array(ExportedConversationSchema),
});
export type ParleyExport = z.infer<typeof ParleyExportSchema>;
