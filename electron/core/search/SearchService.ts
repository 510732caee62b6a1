import type { SearchResult } from '../../../shared/contract/conversations.ts';
import { RoleSchema } from '../../../shared/domain.ts';
import type { StoreDb } from '../store/storeDb.ts';
import { toFtsQuery } from './ftsQuery.ts';
import { MATCH_END, MATCH_START, toSegments } from './snippet.ts';

/** About this many words around the best match. */
const SNIPPET_TOKENS = 16;

// Best match first (bm25), newer first among equals; conversations in the trash are left out.
const SEARCH_SQL = `
SELECT m.id AS message_id, m.conversation_id, m.role, m.created_at, c.title,
  snippet(message_search, 0, '${MATCH_START}', '${MATCH_END}', '…', ${SNIPPET_TOKENS}) AS snippet
FROM message_search
JOIN messages m ON m.num = message_search.rowid
JOIN conversations c ON c.id = m.conversation_id
WHERE message_search MATCH ? AND c.deleted_at IS NULL
ORDER BY rank, m.created_at DESC
LIMIT ?`;

/** Full-text search over every finished message (SQLite FTS5, kept up to date by triggers). */
export class SearchService {
  readonly #db: StoreDb;

  constructor(db: StoreDb) {
    this.#db = db;
  }

  search(query: string, limit = 50): SearchResult[] {
    const match = toFtsQuery(query);
    if (!match) return [];
    return this.#db.guard('search the conversations', () =>
      this.#db
        .prepare(SEARCH_SQL)
        .all(match, limit)
        .map((row) => {
          const role = RoleSchema.safeParse(row['role']);
          return {
            conversationId: String(row['conversation_id']),
            conversationTitle: String(row['title']),
            messageId: String(row['message_id']),
            role: role.success ? role.data : 'assistant',
            snippet: toSegments(typeof row['snippet'] === 'string' ? row['snippet'] : ''),
            createdAt: Number(row['created_at']),
          };
        }),
    );
  }
}
