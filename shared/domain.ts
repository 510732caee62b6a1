import { z } from 'zod';
import { AppErrorSchema } from './errors.ts';
import { temperatureSchema, topKSchema, topPSchema } from './settings.ts';

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

/** An image is stored once, named by the SHA-256 of its bytes (64 lowercase hex digits). */
export const ImageIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'An image id is 64 hex digits.');
export const ImageMimeTypeSchema = z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** An image on a saved message: a reference, never the bytes. `url` is what the window loads
 *  (desktop: parley-image://image/<id>; browser mode: /images/<id>?t=<capability>). */
export const ImageRefSchema = z.object({
  id: ImageIdSchema,
  mimeType: ImageMimeTypeSchema,
  name: z.string().max(255).optional(),
  bytes: z.number().int().nonnegative(),
  url: z.string(),
});
export type ImageRef = z.infer<typeof ImageRefSchema>;

/** An image going with a new or edited message: new bytes as a data URL, or an image already stored
 *  (an edit that keeps some of the original's images passes their ids). */
export const ImageInputSchema = z.union([
  ImageAttachmentSchema.strict(),
  z.object({ id: ImageIdSchema, name: z.string().max(255).optional() }).strict(),
]);
export type ImageInput = z.infer<typeof ImageInputSchema>;

export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  role: RoleSchema,
  content: z.string(),
  /** References to stored images, loaded by URL (see ImageRefSchema). */
  images: z.array(ImageRefSchema),
  status: MessageStatusSchema,
  error: AppErrorSchema.optional(),
  usage: UsageSchema.optional(),
  model: z.string().optional(),
  createdAt: z.number().int(),
  /** The message this one answers or follows; null for a first message. Messages form a tree:
   *  an edit or a regenerate adds a sibling (same parent) instead of replacing. */
  parentId: z.string().nullable().optional(),
  /** Position among its siblings, 1-based, oldest first: shown as `${siblingIndex} / ${siblingCount}`. */
  siblingIndex: z.number().int().min(1).optional(),
  siblingCount: z.number().int().min(1).optional(),
  /** Every sibling's id (this one included), oldest first: "Previous version" / "Next version" pass
   *  siblingIds[siblingIndex - 2] / siblingIds[siblingIndex] to conversations:selectBranch. */
  siblingIds: z.array(z.string()).optional(),
  /** Milliseconds from sending the request to the first text of the reply (assistant messages). */
  timeToFirstTokenMs: z.number().int().nonnegative().optional(),
  /** What a reasoning model thought before it answered (shown folded; never sent back to the provider). */
  reasoning: z.string().optional(),
  /** How long it thought: from the first reasoning text to the first text of the answer. */
  reasoningMs: z.number().int().nonnegative().optional(),
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
  /** Pinned conversations come first in the list. */
  pinned: z.boolean().optional(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const MAX_SYSTEM_PROMPT_CHARS = 100_000;

/** A conversation's own choices over the defaults in Settings; an absent value means "the default". */
export const ConversationSettingsSchema = z.object({
  /** Sent as the first message, with role "system". */
  systemPrompt: z
    .string()
    .max(MAX_SYSTEM_PROMPT_CHARS, `A system prompt can be at most ${MAX_SYSTEM_PROMPT_CHARS.toLocaleString('en')} characters.`)
    .optional(),
  model: z.string().trim().min(1, 'Model is required.').max(200, 'Model name is too long.').optional(),
  temperature: temperatureSchema.optional(),
  topP: topPSchema.optional(),
  topK: topKSchema.optional(),
  stream: z.boolean().optional(),
  /** One of the saved providers (providers:list); a deleted one falls back to the default. */
  providerId: z.string().min(1).max(100).optional(),
});
export type ConversationSettings = z.infer<typeof ConversationSettingsSchema>;

/** What conversations:get and conversations:selectBranch answer: a conversation with one page of the
 *  selected branch (see shared/contract/conversations.ts for the paging rules). */
export const ConversationSchema = ConversationSummarySchema.extend({
  /** A page of the path on screen (the branch selected from the first message down), oldest first:
   *  by default its newest messages. */
  messages: z.array(MessageSchema),
  settings: ConversationSettingsSchema.optional(),
  /** Token counts of every reply in the conversation, hidden branches included (what was spent). */
  totals: UsageSchema.optional(),
  /** True when the selected branch has messages before messages[0] (load them with conversations:page). */
  hasOlder: z.boolean(),
  /** True when the selected branch has messages after the last one here (only with `around`). */
  hasNewer: z.boolean(),
  /** How many messages the selected branch has in all. */
  messageCount: z.number().int().nonnegative(),
});
export type Conversation = z.infer<typeof ConversationSchema>;
export const ConversationPageSchema = ConversationSchema;
export type ConversationPage = Conversation;

export const IdSchema = z.string().trim().min(1, 'An id is required.').max(100);
