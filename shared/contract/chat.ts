import { z } from 'zod';
import {
  ConversationSourceSchema,
  IdSchema,
  ImageInputSchema,
  MAX_IMAGES_PER_MESSAGE,
  MAX_MESSAGE_CHARS,
  MessageSchema,
  UsageSchema,
} from '../domain.ts';
import { AppErrorSchema } from '../errors.ts';

export const ChatSendInputSchema = z
  .object({
    /** Omit to start a new conversation. */
    conversationId: IdSchema.optional(),
    /** Where a new conversation comes from ('quick' from the quick prompt); ignored when continuing one. */
    source: ConversationSourceSchema.optional(),
    text: z
      .string()
      .max(MAX_MESSAGE_CHARS, `A message can be at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters.`),
    images: z
      .array(ImageInputSchema)
      .max(MAX_IMAGES_PER_MESSAGE, `At most ${MAX_IMAGES_PER_MESSAGE} images per message.`)
      .default([]),
  })
  .strict()
  .refine((input) => input.text.trim().length > 0 || input.images.length > 0, {
    message: 'Type a message or attach an image first.',
    path: ['text'],
  });

export const ChatSendResultSchema = z.object({
  conversationId: z.string(),
  userMessage: MessageSchema,
  /** The assistant message as it starts: empty, status "streaming". */
  assistantMessage: MessageSchema,
  streamId: z.string(),
});

/** Asks the model to go on from where an interrupted, stopped or failed reply ended; the new text is
 *  appended to the same message and streams with the usual chat:event events. Only the last message
 *  of its conversation can be continued. */
export const ChatContinueInputSchema = z.object({ messageId: IdSchema }).strict();
export const ChatContinueResultSchema = z.object({
  conversationId: z.string(),
  /** The reply as it restarts: its text so far, status "streaming". */
  assistantMessage: MessageSchema,
  streamId: z.string(),
});

/** A new version of an assistant reply, streamed from the same history; kept beside the earlier ones
 *  as a sibling (and selected). A failed reply that has no text is retried in its place instead
 *  (same message id): this is also the "Retry" after an error. Answers like chat:send, with
 *  userMessage = the message the reply answers. */
export const ChatRegenerateInputSchema = z.object({ messageId: IdSchema }).strict();

/** "Edit" of a user message: a new sibling user message with the new text (and images: omitted keeps
 *  the original's, [] removes them), then a new reply to it; the earlier version stays as a branch. */
export const ChatEditInputSchema = z
  .object({
    messageId: IdSchema,
    text: z
      .string()
      .max(MAX_MESSAGE_CHARS, `A message can be at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters.`),
    images: z
      .array(ImageInputSchema)
      .max(MAX_IMAGES_PER_MESSAGE, `At most ${MAX_IMAGES_PER_MESSAGE} images per message.`)
      .optional(),
  })
  .strict();

export const ChatCancelInputSchema = z.object({ streamId: IdSchema }).strict();
export const ChatCancelResultSchema = z.object({ cancelled: z.boolean() });

const streamRef = { streamId: z.string(), conversationId: z.string(), messageId: z.string() };

/** Pushed while a reply streams; every event carries its stream id. */
export const ChatEventSchema = z.discriminatedUnion('type', [
  /** offset: where `text` starts in the reply's whole content (a continued reply counts its earlier text).
   *  `reasoning`: a reasoning model's thinking, shown apart from the reply (then `text` may be ''). */
  z.object({ type: z.literal('delta'), ...streamRef, offset: z.number().int().nonnegative(), text: z.string(), reasoning: z.string().optional() }),
  z.object({ type: z.literal('usage'), ...streamRef, usage: UsageSchema }),
  /** totals: the conversation's token counts after this reply, so the header needs no refetch. */
  z.object({ type: z.literal('done'), ...streamRef, status: z.enum(['complete', 'stopped']), message: MessageSchema, totals: UsageSchema.optional() }),
  z.object({ type: z.literal('error'), ...streamRef, error: AppErrorSchema, message: MessageSchema, totals: UsageSchema.optional() }),
]);
export type ChatEvent = z.infer<typeof ChatEventSchema>;

export const chatCalls = {
  'chat:send': { input: ChatSendInputSchema, output: ChatSendResultSchema },
  'chat:cancel': { input: ChatCancelInputSchema, output: ChatCancelResultSchema },
  'chat:continue': { input: ChatContinueInputSchema, output: ChatContinueResultSchema },
  'chat:regenerate': { input: ChatRegenerateInputSchema, output: ChatSendResultSchema },
  'chat:edit': { input: ChatEditInputSchema, output: ChatSendResultSchema },
} as const;

export const chatEvents = {
  'chat:event': ChatEventSchema,
} as const;
