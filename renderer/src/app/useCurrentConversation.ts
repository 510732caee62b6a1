import { useCallback, useState } from 'react';

const PREFIX = '#c=';

function fromHash(): string | null {
  return location.hash.startsWith(PREFIX) ? decodeURIComponent(location.hash.slice(PREFIX.length)) || null : null;
}

/** The open conversation, kept in the URL hash so a reload reopens it; null is a new, unsent chat. */
export function useCurrentConversation(): [string | null, (id: string | null) => void] {
  const [id, setId] = useState<string | null>(fromHash);
  const select = useCallback((next: string | null) => {
    setId(next);
    const hash = next === null ? '' : `${PREFIX}${encodeURIComponent(next)}`;
    // replaceState: switching chats should not fill the back button's history.
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }, []);
  return [id, select];
}
