import { z } from 'zod';
import {
  ConversationSchema,
  ConversationSettingsSchema,
  ConversationSourceSchema,
  ConversationSummarySchema,
  IdSchema,
  RoleSchema,
} from '../domain.ts';

/** Imports larger than this are refused before parsing. */
export const MAX_IMPORT_CHARS = 200 * 1024 * 1024;

/** A piece of a search snippet; match pieces are the words that matched, to be highlighted.
 *  Plain text only: the UI renders it as text, never as HTML. */
export const SnippetSegmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetSegment = z.infer<typeof SnippetSegmentSchema>;

export const SearchResultSchema = z.object({
  conversationId: z.string(),
  conversationTitle: z.string(),
  messageId: z.string(),
  role: RoleSchema,
  snippet: z.array(SnippetSegmentSchema),
  createdAt: z.number().int(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchInputSchema = z
  .object({
    /** Words as the user typed them; every word must match, the last one as a prefix. */
    query: z.string().max(500, 'A search can be at most 500 characters.'),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const ExportInputSchema = z
  .object({
    /** Omit to export every conversation not in the trash. */
    ids: z.array(IdSchema).max(100_000).optional(),
    format: z.enum(['markdown', 'json']),
  })
  .strict();

export const ExportResultSchema = z.object({
  /** A suggested file name, e.g. parley-2025-01-31.json. */
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
});

export const ImportInputSchema = z
  .object({
    /** The file's text: a Parley JSON export or a ChatGPT data export's conversations.json. */
    content: z.string().max(MAX_IMPORT_CHARS, 'That file is too large to import (the limit is 200 MB).'),
  })
  .strict();

export const ImportResultSchema = z.object({
  /** Conversations created, or existing ones that gained messages. */
  imported: z.number().int().nonnegative(),
  /** Conversations that were already all here. */
  skipped: z.number().int().nonnegative(),
  /** Messages added in all. */
  messages: z.number().int().nonnegative(),
  /** The imported conversations as they are now. */
  conversations: z.array(ConversationSummarySchema),
});

const byId = z.object({ id: IdSchema }).strict();

const settingsShape = ConversationSettingsSchema.shape;
/** A change to a conversation's own settings: a value sets it, null clears it (back to the default
 *  from Settings), absent leaves it. An empty system prompt clears it too. */
export const UpdateConversationSettingsInputSchema = z
  .object({
    id: IdSchema,
    systemPrompt: settingsShape.systemPrompt.unwrap().nullable().optional(),
    model: settingsShape.model.unwrap().nullable().optional(),
    temperature: settingsShape.temperature.unwrap().nullable().optional(),
    topP: settingsShape.topP.unwrap().nullable().optional(),
    topK: settingsShape.topK.unwrap().nullable().optional(),
    stream: settingsShape.stream.unwrap().nullable().optional(),
    providerId: settingsShape.providerId.unwrap().nullable().optional(),
  })
  .strict();

export const conversationCalls = {
  /** Conversations not in the trash: pinned first, then most recently active first. */
  'conversations:list': { input: z.undefined(), output: z.array(ConversationSummarySchema) },
  'conversations:create': {
    input: z.object({ title: z.string().trim().max(200).optional(), source: ConversationSourceSchema.optional() }).strict().optional(),
    output: ConversationSummarySchema,
  },
  /** A title the user chose; a generated title never replaces it afterwards. */
  'conversations:rename': {
    input: z.object({ id: IdSchema, title: z.string().trim().min(1, 'Give the conversation a title.').max(200, 'That title is too long.') }).strict(),
    output: ConversationSummarySchema,
  },
  /** Pinned conversations are listed first (then by last activity). */
  'conversations:pin': { input: z.object({ id: IdSchema, pinned: z.boolean() }).strict(), output: ConversationSummarySchema },
  /** Per-conversation system prompt, model, sampling, streaming and provider over the Settings defaults. */
  'conversations:updateSettings': { input: UpdateConversationSettingsInputSchema, output: ConversationSchema },
  /** Makes the branch through this message the one on screen (and sent to the API); answers the
   *  conversation as it now shows. Also reveals a search hit that sits on a hidden branch. */
  'conversations:selectBranch': { input: z.object({ messageId: IdSchema }).strict(), output: ConversationSchema },
  /** Also answers for a conversation in the trash (deletedAt is then set). */
  'conversations:get': { input: byId, output: ConversationSchema },
  /** Full-text search over every message of every conversation not in the trash, best first. */
  'conversations:search': { input: SearchInputSchema, output: z.array(SearchResultSchema) },
  /** Moves a conversation to the trash; answers it with deletedAt set. */
  'conversations:delete': { input: byId, output: ConversationSummarySchema },
  /** Conversations in the trash, most recently deleted first. */
  'conversations:trash': { input: z.undefined(), output: z.array(ConversationSummarySchema) },
  /** Takes a conversation out of the trash. */
  'conversations:restore': { input: byId, output: ConversationSummarySchema },
  /** Deletes a conversation for good (from the trash or not). */
  'conversations:purge': { input: byId, output: z.object({ purged: z.boolean() }) },
  /** Deletes everything in the trash for good. */
  'conversations:emptyTrash': { input: z.undefined(), output: z.object({ purged: z.number().int().nonnegative() }) },
  'conversations:export': { input: ExportInputSchema, output: ExportResultSchema },
  /** Merges: never overwrites an existing conversation or message (matched by id). */
  'conversations:import': { input: ImportInputSchema, output: ImportResultSchema },
} as const;

export const conversationEvents = {
  /** The list changed (new conversation, new title, new activity, trash, import); windows re-query. */
  'conversations:changed': z.object({ conversationId: z.string().optional() }),
} as const;
