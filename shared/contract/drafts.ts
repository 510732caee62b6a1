import { z } from 'zod';
import { IdSchema, MAX_MESSAGE_CHARS } from '../domain.ts';

/** The draft key of the composer before a conversation exists (a new chat). */
export const NEW_CONVERSATION_DRAFT = 'new';

/** A conversation id, or "new" for the composer of a chat not started yet. */
const DraftKeySchema = IdSchema;

/** What the user typed and has not sent, kept per conversation across restarts. */
export const DraftSchema = z.object({
  conversationId: z.string(),
  text: z.string(),
  /** null when there is no draft (text is then ""). */
  updatedAt: z.number().int().nullable(),
});
export type Draft = z.infer<typeof DraftSchema>;

export const draftCalls = {
  'drafts:get': { input: z.object({ conversationId: DraftKeySchema }).strict(), output: DraftSchema },
  /** An empty (or whitespace-only) text deletes the draft. Sending a message clears it too. */
  'drafts:set': {
    input: z
      .object({
        conversationId: DraftKeySchema,
        text: z.string().max(MAX_MESSAGE_CHARS, `A draft can be at most ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters.`),
      })
      .strict(),
    output: DraftSchema,
  },
} as const;

export const draftEvents = {} as const;
