import type { Usage } from '../../../shared/domain.ts';
import { fail } from '../../../shared/errors.ts';
import type { StoreDb } from './storeDb.ts';
import type { PathEntry } from './tree.ts';

/** Which slice of the selected branch a read answers: [start, end) of the path. */
export interface PageWindow {
  start: number;
  end: number;
}

export const NOT_ON_BRANCH = 'That message is not on the branch on screen.';

function indexOf(path: readonly PathEntry[], messageId: string): number {
  const index = path.findIndex((entry) => entry.row['id'] === messageId);
  if (index < 0) fail('not_found_local', NOT_ON_BRANCH);
  return index;
}

/** The newest `limit` messages, or, when `around` is older than those, the `limit` messages centred
 *  on it. */
export function firstPage(path: readonly PathEntry[], limit: number, around?: string): PageWindow {
  const newest = { start: Math.max(0, path.length - limit), end: path.length };
  if (around === undefined) return newest;
  const index = indexOf(path, around);
  if (index >= newest.start) return newest;
  const end = Math.min(path.length, Math.max(0, index - Math.floor(limit / 2)) + limit);
  return { start: Math.max(0, end - limit), end };
}

/** The `limit` messages just before or just after a cursor. */
export function nextPage(path: readonly PathEntry[], limit: number, cursor: { before?: string; after?: string }): PageWindow {
  if (cursor.before !== undefined) {
    const end = indexOf(path, cursor.before);
    return { start: Math.max(0, end - limit), end };
  }
  const start = indexOf(path, cursor.after ?? '') + 1;
  return { start, end: Math.min(path.length, start + limit) };
}

/** The conversation's token counts, summed by SQLite over every reply of every branch. */
const TOTALS_SQL = `SELECT
  COALESCE(SUM(json_extract(usage, '$.promptTokens')), 0) AS prompt,
  COALESCE(SUM(json_extract(usage, '$.completionTokens')), 0) AS completion,
  COALESCE(SUM(json_extract(usage, '$.totalTokens')), 0) AS total,
  COALESCE(SUM(json_extract(usage, '$.reasoningTokens')), 0) AS reasoning,
  COALESCE(SUM(json_extract(usage, '$.cachedTokens')), 0) AS cached
FROM messages WHERE conversation_id = ? AND usage IS NOT NULL`;

export function usageTotalsOf(db: StoreDb, conversationId: string): Usage {
  const row = db.prepare(TOTALS_SQL).get(conversationId) ?? {};
  const n = (key: string): number => {
    const value = row[key];
    return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0;
  };
  return {
    promptTokens: n('prompt'),
    completionTokens: n('completion'),
    totalTokens: n('total'),
    reasoningTokens: n('reasoning'),
    cachedTokens: n('cached'),
  };
}
