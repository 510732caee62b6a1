import { z } from 'zod';
import { IdSchema, ImageAttachmentSchema, MessageStatusSchema, RoleSchema, UsageSchema } from '../../../shared/domain.ts';
import { AppErrorSchema } from '../../../shared/errors.ts';

// The lossless JSON file format. Bump EXPORT_VERSION (and keep reading the old one) when its shape
// changes, e.g. when messages gain branches.
export const EXPORT_FORMAT = 'parley-export';
export const EXPORT_VERSION = 1;

const timestamp = z.number().int().nonnegative();

export const ExportedMessageSchema = z.object({
  id: IdSchema,
  role: RoleSchema,
  content: z.string(),
  images: z.array(ImageAttachmentSchema).default([]),
  status: MessageStatusSchema.default('complete'),
  error: AppErrorSchema.optional(),
  usage: UsageSchema.optional(),
  model: z.string().max(200).optional(),
  createdAt: timestamp,
});
export type ExportedMessage = z.infer<typeof ExportedMessageSchema>;

export const ExportedConversationSchema = z.object({
  id: IdSchema,
  title: z.string().max(1000),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
  messages: z.array(ExportedMessageSchema),
});
export type ExportedConversation = z.infer<typeof ExportedConversationSchema>;

export const ParleyExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  /** ISO 8601. */
  exportedAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }).optional(),
  conversations: z.array(ExportedConversationSchema),
});
export type ParleyExport = z.infer<typeof ParleyExportSchema>;
