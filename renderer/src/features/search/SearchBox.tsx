import { useRef } from 'react';
import { isDialogOpen, isShortcut, useWindowKeydown } from '../../app/keyboard.ts';
import type { ConversationSearch } from './useConversationSearch.ts';
import './search.css';

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const SHORTCUT = isMac ? '⌘K' : 'Ctrl+K';

/** The search field at the top of the sidebar (Ctrl/Cmd+K); focus stays here while Up/Down pick a result. */
export function SearchBox({ search }: { search: ConversationSearch }) {
  const input = useRef<HTMLInputElement>(null);
  const hasOptions = search.active && search.results.length > 0;
  useWindowKeydown((event) => {
    if (!isShortcut(event, 'k') || isDialogOpen()) return;
    event.preventDefault();
    input.current?.focus();
    input.current?.select();
  });
  return (
    <div className="search-box" role="search">
      <SearchIcon />
      <input
        ref={input}
        type="search"
        className="search-box__input"
        aria-label="Search conversations"
        placeholder="Search"
        title={`Search every message (${SHORTCUT}); Up and Down pick a result, Enter opens it, Esc clears`}
        autoComplete="off"
        spellCheck={false}
        value={search.query}
        onChange={(event) => search.setQuery(event.target.value)}
        onKeyDown={search.onInputKeyDown}
        onFocus={search.onInputFocus}
        aria-controls={hasOptions ? search.listId : undefined}
        aria-activedescendant={hasOptions ? search.optionId(search.activeIndex) : undefined}
      />
      <kbd className="search-box__shortcut" aria-hidden="true">
        {SHORTCUT}
      </kbd>
    </div>
  );
}

function SearchIcon() {
  return (
    <svg className="search-box__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <circle cx="7" cy="7" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10.4 10.4 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
