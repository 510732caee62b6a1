import type { SearchResult } from '../../../../shared/contract/conversations.ts';
import { Snippet } from './Snippet.tsx';
import type { ConversationSearch } from './useConversationSearch.ts';

const roleName: Record<SearchResult['role'], string> = { user: 'You', assistant: 'Assistant', system: 'System' };

function dateOf(ms: number): string {
  const date = new Date(ms);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleDateString(undefined, sameYear ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' });
}

function countText(count: number, more: boolean): string {
  if (more) return `${count.toLocaleString('en')}+ results`;
  return count === 1 ? '1 result' : `${count.toLocaleString('en')} results`;
}

/** The results in the conversation list's place: a listbox the search box drives. */
export function SearchResults({ search }: { search: ConversationSearch }) {
  const { results, error, answered } = search;
  return (
    <div className="search-results">
      {/* Always present, so the count (or "No results") is announced as it changes. */}
      <p className={`search-results__status${results.length > 0 ? ' search-results__status--hidden' : ''}`} role="status">
        {!answered || error ? '' : results.length > 0 ? countText(results.length, search.hasMore) : `No results for “${search.query.trim()}”.`}
      </p>
      {error && (
        <p className="search-results__error" role="alert">
          Search failed: {error.message}
        </p>
      )}
      {results.length > 0 && (
        <ul className="search-results__list" role="listbox" id={search.listId} aria-label="Search results">
          {results.map((result, index) => (
            // Picked with the keyboard from the search box (aria-activedescendant), or clicked.
            <li
              key={result.messageId}
              id={search.optionId(index)}
              role="option"
              aria-selected={index === search.activeIndex}
              className="search-result"
              onClick={() => search.open(index)}
              onPointerMove={() => index !== search.activeIndex && search.setActiveIndex(index)}
            >
              <span className="search-result__title">{result.conversationTitle || 'New chat'}</span>
              <span className="search-result__snippet">
                <Snippet segments={result.snippet} />
              </span>
              <span className="search-result__meta">
                {roleName[result.role]} · {dateOf(result.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {search.hasMore && (
        <button type="button" className="button button--quiet search-results__more" onClick={search.loadMore}>
          Show more results
        </button>
      )}
    </div>
  );
}
