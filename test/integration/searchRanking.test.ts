import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_CANDIDATES, SearchService } from '../../electron/core/search/SearchService.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { importFile, newImportProgress } from '../../electron/core/transfer/streamImport.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

// Ranking over many matches: 1,500 messages say "the" (more than the candidates ranked), written
// through the streamed import; a few say it in a short message, the best matches.
let dir: string;
let store: ConversationStore;
let search: SearchService;
const FILLER = 'the harbour and the orchard and the violin at the end of the day';

beforeAll(async () => {
  dir = makeTempDir('search-ranking');
  const conversations = [];
  for (let c = 0; c < 50; c++) {
    const messages = [];
    for (let m = 0; m < 30; m++) {
      const n = c * 30 + m;
      // Every 100th message is short and about the database: the best match for "the database".
      const content = n % 100 === 7 ? `The database ${n}` : `${FILLER} ${n} ${'and more words '.repeat(n % 5)}`;
      messages.push({ id: `m${n}`, role: m % 2 ? 'assistant' : 'user', content, createdAt: 1_000_000 + n * 1000 });
    }
    conversations.push({ id: `c${c}`, title: `Conversation ${c}`, createdAt: 1_000_000 + c * 30_000, updatedAt: 1_000_000 + c * 30_000 + 29_000, messages });
  }
  const file = path.join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify({ format: 'parley-export', version: 1, exportedAt: new Date(0).toISOString(), conversations }));
  store = ConversationStore.open(path.join(dir, 'parley.db'));
  await importFile(store.db, file, newImportProgress(), () => undefined, new AbortController().signal);
  search = new SearchService(store.db);
});

afterAll(() => {
  store.close();
  removeTempDir(dir);
});

describe('search ranking on common words', () => {
  it('ranks the best matches first among the newest candidates, newest first among equals', () => {
    const page = search.searchPage('the database', 10, 0);
    // Every short "The database N" message outranks the long ones that only say "the".
    const best = page.results.slice(0, 5).map((r) => r.messageId);
    expect(best.every((id) => Number(id.slice(1)) % 100 === 7)).toBe(true);
    // Equal matches: the newer first.
    expect(best).toEqual([...best].sort((a, b) => Number(b.slice(1)) - Number(a.slice(1))));
    expect(page.results[0]!.snippet).toEqual([
      { text: 'The', match: true },
      { text: ' ', match: false },
      { text: 'database', match: true },
      { text: ` ${best[0]!.slice(1)}`, match: false },
    ]);
  });

  it('pages through a very common word without repeats, within the bounded candidate set', () => {
    // bm25 of every match, straight from the index (lower is better).
    const score = new Map(
      store.db
        .prepare(`SELECT m.id, bm25(message_search) AS s FROM message_search JOIN messages m ON m.num = message_search.rowid WHERE message_search MATCH '"the"*'`)
        .all()
        .map((row) => [String(row['id']), Number(row['s'])]),
    );
    const seen: string[] = [];
    let offset = 0;
    let hasMore = true;
    while (hasMore) {
      const page = search.searchPage('the', 200, offset);
      seen.push(...page.results.map((r) => r.messageId));
      offset += page.results.length;
      hasMore = page.hasMore;
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Best first across every page; among equal scores the newer message first.
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [score.get(seen[i - 1]!)!, score.get(seen[i]!)!];
      expect(a <= b, `${seen[i - 1]} before ${seen[i]}`).toBe(true);
      if (a === b) expect(Number(seen[i - 1]!.slice(1))).toBeGreaterThan(Number(seen[i]!.slice(1)));
    }
    // Only the newest SEARCH_CANDIDATES matches are ranked: that is what keeps a common word cheap.
    expect(seen.length).toBe(SEARCH_CANDIDATES);
    expect(seen.every((id) => Number(id.slice(1)) >= 1500 - SEARCH_CANDIDATES)).toBe(true);
  });

  it('finds a prefix as it is typed, and strips Markdown from snippets', () => {
    const { id } = store.createConversation('markdown');
    store.addUserMessage(id, { text: '## Optimizing **queries** with `EXPLAIN` and [the docs](https://example.invalid)', images: [] });
    const [hit] = search.search('optim');
    expect(hit!.snippet.map((s) => s.text).join('')).toBe('Optimizing queries with EXPLAIN and the docs');
    expect(hit!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Optimizing']);
  });
});
