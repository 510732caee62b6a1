// The conversations contract: lists, one conversation read in pages, search, trash, import/export.
//
// Reads are sized to the screen (agreed with the renderer side, issue 8 / issue 9):
// - conversations:get { id, limit? = 50 (1–200), around? } answers a Conversation (ConversationPage):
//   summary fields, settings, totals (summed in SQL over every branch), messageCount (messages on the
//   selected branch), and `messages` = the newest `limit` messages of the selected branch, oldest first,
//   each with siblingIndex/siblingCount/siblingIds; hasOlder says whether more lie before them.
//   With `around: messageId` (a search hit) older than the newest page, the page is the `limit`
//   messages centred on it instead (hasNewer then says more follow: conversations:page { after });
//   a message off the selected branch is a not_found_local error (conversations:selectBranch first,
//   which answers the page around that message).
// - conversations:page { id, before | after: messageId, limit? = 50 } → { messages, hasOlder, hasNewer }:
//   the messages of the selected branch just before (or after) the cursor, oldest first.
// - conversations:selectBranch { messageId, limit? } answers the page of the newly selected branch
//   around messageId (the newest page when messageId is among its newest messages).
// - conversations:changed { conversationId?, summary?, removed?, kind? }: summary is the changed row as
//   the sidebar shows it (absent when the conversation is gone or in the trash: removed = true);
//   no conversationId means "many changed" (an import, emptying the trash): re-list.
//   kind 'row': only the row changed (title, pin, settings); 'messages' or absent: the messages may
//   have changed too (a branch switch, a reply started or ended): a window showing it re-reads its
//   newest page, or merges the reply from chat:event.
// - Message images are references ({ id: sha256 hex, mimeType, name?, bytes, url }); the window loads
//   `url` (desktop: parley-image://image/<id>; browser mode: /images/<id>?t=<capability>).
//   chat:send / chat:edit still take data URLs, or { id } of an image already stored.
// - Export and import stream through files, with conversations:transfer progress events:
//   conversations:exportFile / conversations:importFile start a job (desktop: the save/open dialog
//   picks the file; browser mode: the answer carries a one-time URL to download from or POST the file
//   to) and answer { jobId } at once; conversations:cancelTransfer stops one. A cancelled or failed
//   import keeps whole conversations only. The older conversations:export / conversations:import
//   (the whole file in one message) remain for small files.
import { z } from 'zod';
import {
  ConversationSchema,
  ConversationSettingsSchema,
  ConversationSourceSchema,
  ConversationSummarySchema,
  IdSchema,
  MessageSchema,
  RoleSchema,
} from '../domain.ts';
import { AppErrorSchema } from '../errors.ts';

/** conversations:import carries the whole file in one call: larger ones are refused before parsing
 *  (conversations:importFile streams a file of any size). */
export const MAX_IMPORT_CHARS = 16 * 1024 * 1024;

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
    /** Results to skip (the next page starts at offset + limit of the previous one). */
    offset: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();

/** A page of search results, best first; hasMore: a next page exists (ask with offset + limit). */
export const SearchPageSchema = z.object({ results: z.array(SearchResultSchema), hasMore: z.boolean() });
export type SearchPage = z.infer<typeof SearchPageSchema>;

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
    content: z.string().max(MAX_IMPORT_CHARS, 'That is too large to import in one piece (the limit is 16 MB). Use Import…, which reads a file of any size as a stream.'),
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

export const PAGE_LIMIT_DEFAULT = 50;
const pageLimit = z.number().int().min(1).max(200).default(PAGE_LIMIT_DEFAULT);
/** Older pages may be larger: Search's jump to a message far back walks there in a few of them. */
export const FAR_PAGE_LIMIT = 1000;
const olderPageLimit = z.number().int().min(1).max(FAR_PAGE_LIMIT).default(PAGE_LIMIT_DEFAULT);

export const ConversationGetInputSchema = z
  .object({ id: IdSchema, limit: pageLimit, around: IdSchema.optional() })
  .strict();

export const ConversationPageInputSchema = z
  .object({ id: IdSchema, before: IdSchema.optional(), after: IdSchema.optional(), limit: olderPageLimit })
  .strict()
  .refine((input) => (input.before === undefined) !== (input.after === undefined), {
    message: 'Give exactly one of before or after.',
    path: ['before'],
  });

export const MessagePageSchema = z.object({ messages: z.array(MessageSchema), hasOlder: z.boolean(), hasNewer: z.boolean() });
export type MessagePage = z.infer<typeof MessagePageSchema>;

/** Starts a streamed export or import. Desktop: main asks where with the save/open dialog and the
 *  answer is { jobId } (or { cancelled: true } when the dialog was dismissed). Browser mode: the
 *  answer also carries `url`, good once and for a few minutes: GET it to download the export, POST
 *  the file's bytes to it to import. Progress and the outcome come as conversations:transfer. */
export const TransferStartSchema = z.object({
  jobId: z.string().optional(),
  url: z.string().optional(),
  fileName: z.string().optional(),
  cancelled: z.boolean().optional(),
});
export type TransferStart = z.infer<typeof TransferStartSchema>;

export const ExportFileInputSchema = ExportInputSchema;
export const ImportFileInputSchema = z.object({}).strict().optional();

export const TransferEventSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['export', 'import']),
  /** running: progress; done / failed / cancelled: the end (one of these comes exactly once). */
  phase: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Conversations written (export) or merged (import) so far. */
  conversations: z.number().int().nonnegative(),
  /** The total to export; for an import it is unknown until the end. */
  totalConversations: z.number().int().nonnegative().optional(),
  /** Bytes read (import) or written (export) so far, and the file's size when known. */
  bytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative().optional(),
  /** The import's outcome (done, and also after a cancel or a failure: what was kept). */
  result: z
    .object({ imported: z.number().int().nonnegative(), skipped: z.number().int().nonnegative(), messages: z.number().int().nonnegative() })
    .optional(),
  error: AppErrorSchema.optional(),
});
export type TransferEvent = z.infer<typeof TransferEventSchema>;

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
  'conversations:selectBranch': {
    input: z.object({ messageId: IdSchema, limit: pageLimit }).strict(),
    output: ConversationSchema,
  },
  /** One page of the selected branch (see the top of this file). Also answers for a conversation in
   *  the trash (deletedAt is then set). */
  'conversations:get': { input: ConversationGetInputSchema, output: ConversationSchema },
  /** The messages of the selected branch just before or after a cursor message. */
  'conversations:page': { input: ConversationPageInputSchema, output: MessagePageSchema },
  /** Full-text search over every message of every conversation not in the trash, best first, paged. */
  'conversations:search': { input: SearchInputSchema, output: SearchPageSchema },
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
  /** A streamed export to a file (see TransferStartSchema). */
  'conversations:exportFile': { input: ExportFileInputSchema, output: TransferStartSchema },
  /** A streamed import from a file: a Parley JSON export or ChatGPT's conversations.json. */
  'conversations:importFile': { input: ImportFileInputSchema, output: TransferStartSchema },
  /** Stops a running export or import; false when it already ended. */
  'conversations:cancelTransfer': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const;

export const ConversationChangedSchema = z.object({
  /** Absent: many conversations changed (an import, emptying the trash); re-list. */
  conversationId: z.string().optional(),
  /** The row as the sidebar shows it now. */
  summary: ConversationSummarySchema.optional(),
  /** The conversation left the list (moved to the trash, or deleted for good). */
  removed: z.boolean().optional(),
  /** 'row': only the summary changed (title, pin, settings); 'messages' or absent: the messages on
   *  screen may have changed too (re-read the page if it is on screen). */
  kind: z.enum(['row', 'messages']).optional(),
});
export type ConversationChanged = z.infer<typeof ConversationChangedSchema>;

export const conversationEvents = {
  /** A conversation changed (see ConversationChangedSchema). */
  'conversations:changed': ConversationChangedSchema,
  /** Progress and the end of a streamed export or import. */
  'conversations:transfer': TransferEventSchema,
} as const;
