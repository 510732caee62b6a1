import { z } from 'zod';
import { AppErrorSchema } from './errors.ts';

export const MAX_MESSAGE_CHARS = 200_000;
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
export const MAX_IMAGES_PER_MESSAGE = 8;

export const RoleSchema = z.enum(['user', 'assistant', 'system']);
export type Role = z.infer<typeof RoleSchema>;

/** complete: finished normally; streaming: still arriving; stopped: the user pressed Stop;
 *  error: the provider failed; interrupted: the app died while it streamed. */
export const MessageStatusSchema = z.enum(['complete', 'streaming', 'stopped', 'error', 'interrupted']);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

export const UsageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  reasoningTokens: z.number().int().nonnegative().optional(),
  cachedTokens: z.number().int().nonnegative().optional(),
});
export type Usage = z.infer<typeof UsageSchema>;

const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export const ImageAttachmentSchema = z.object({
  dataUrl: z
    .string()
    .regex(IMAGE_DATA_URL, 'Images must be PNG, JPEG, GIF or WebP data URLs.')
    .refine(
      (url) => Math.floor(((url.length - url.indexOf(',') - 1) * 3) / 4) <= MAX_IMAGE_BYTES,
      `Each image must be at most ${MAX_IMAGE_BYTES / (1024 * 1024)} MB.`,
    ),
  name: z.string().max(255).optional(),
});
export type ImageAttachment = z.infer<typeof ImageAttachmentSchema>;

export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  role: RoleSchema,
  content: z.string(),
  images: z.array(ImageAttachmentSchema),
  status: MessageStatusSchema,
  error: AppErrorSchema.optional(),
  usage: UsageSchema.optional(),
  model: z.string().optional(),
  createdAt: z.number().int(),
});
export type Message = z.infer<typeof MessageSchema>;

/** Where a conversation was started: the main window, or the quick prompt (shown with a mark). */
export const ConversationSourceSchema = z.enum(['main', 'quick']);
export type ConversationSource = z.infer<typeof ConversationSourceSchema>;

export const ConversationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Absent for conversations saved before sources were recorded: read it as 'main'. */
  source: ConversationSourceSchema.optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** Set while the conversation is in the trash (ms since the epoch); purged 30 days later. */
  deletedAt: z.number().int().optional(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const ConversationSchema = ConversationSummarySchema.extend({
  messages: z.array(MessageSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const IdSchema = z.string().trim().min(1, 'An id is required.').max(100);
