import type { SearchPage, SearchResult } from '../../../shared/contract/conversations.ts';
import { RoleSchema } from '../../../shared/domain.ts';
import type { StoreDb } from '../store/storeDb.ts';
import { searchTerms, toFtsQuery } from './ftsQuery.ts';
import { makeSnippet } from './snippet.ts';
/** Only the newest this many matches are ranked: a very common word costs the same as a rare one. */
export const SEARCH_CANDIDATES = 1000;

// The cost is bounded in two steps. First the newest SEARCH_CANDIDATES matches are taken straight
// from the index in rowid order (newest messages last, so `ORDER BY rowid DESC LIMIT` stops early),
// ranked by bm25 with recency as the tie-breaker, and only one page is kept. Then snippets are made
// for that page alone, from its messages' text. Conversations in the trash are left out.
const PAGE_SQL = `
WITH hits AS MATERIALIZED (
  SELECT rowid AS num, rank AS score FROM message_search WHERE message_search MATCH ?1
  ORDER BY rowid DESC LIMIT ?2
)
SELECT hits.num, m.id AS message_id, m.conversation_id, m.role, m.created_at, c.title
FROM hits
JOIN messages m ON m.num = hits.num
JOIN conversations c ON c.id = m.conversation_id
WHERE c.deleted_at IS NULL
ORDER BY hits.score, m.created_at DESC, hits.num DESC
LIMIT ?3 OFFSET ?4`;

/** Only the page's messages are read whole. */
const CONTENT_SQL = 'SELECT content FROM messages WHERE num = ?';


/** Full-text search over every finished message (SQLite FTS5 with prefix indexes, kept up to date by
 *  triggers). */
export class SearchService {
  readonly #db: StoreDb;

  constructor(db: StoreDb) {
    this.#db = db;
  }

  /** The first `limit` results, best first. */
  search(query: string, limit = 50): SearchResult[] {
    return this.searchPage(query, limit, 0).results;
  }

  /** One page of results, best first; hasMore says whether another page follows. */
  searchPage(query: string, limit = 50, offset = 0): SearchPage {
    const match = toFtsQuery(query);
    if (!match) return { results: [], hasMore: false };
    return this.#db.guard('search the conversations', () => {
      const rows = this.#db.prepare(PAGE_SQL).all(match, SEARCH_CANDIDATES, limit + 1, offset);
      const terms = searchTerms(query);
      const results = rows.slice(0, limit).map((row): SearchResult => {
        const role = RoleSchema.safeParse(row['role']);
        return {
          conversationId: String(row['conversation_id']),
          conversationTitle: String(row['title']),
          messageId: String(row['message_id']),
          role: role.success ? role.data : 'assistant',
          snippet: makeSnippet(String(this.#db.prepare(CONTENT_SQL).get(Number(row['num']))?.['content'] ?? ''), terms),
          createdAt: Number(row['created_at']),
        };
      });
      return { results, hasMore: rows.length > limit };
    });
  }
}
