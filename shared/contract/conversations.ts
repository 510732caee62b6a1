import { z } from 'zod';
import { ConversationSchema, ConversationSummarySchema, IdSchema } from '../domain.ts';

export const conversationCalls = {
  'conversations:list': { input: z.undefined(), output: z.array(ConversationSummarySchema) },
  'conversations:create': {
    input: z.object({ title: z.string().trim().max(200).optional() }).strict().optional(),
    output: ConversationSummarySchema,
  },
  'conversations:get': { input: z.object({ id: IdSchema }).strict(), output: ConversationSchema },
} as const;

export const conversationEvents = {
  /** The list changed (new conversation, new title, new activity); windows re-query. */
  'conversations:changed': z.object({ conversationId: z.string().optional() }),
} as const;
