import { useCallback, useState } from 'react';
import { takeOpenRequest } from '../features/conversations/openRequest.ts';

const PREFIX = '#c=';

function fromHash(): string | null {
  return location.hash.startsWith(PREFIX) ? decodeURIComponent(location.hash.slice(PREFIX.length)) || null : null;
}

function setHash(id: string | null): void {
  const hash = id === null ? '' : `${PREFIX}${encodeURIComponent(id)}`;
  // replaceState: switching chats should not fill the back button's history.
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}

/** A request in the address (?conversation=<id>, ?new=1) wins over the hash, then moves into it. */
function initialConversation(): string | null {
  const request = takeOpenRequest();
  if (!request) return fromHash();
  const id = 'conversationId' in request ? request.conversationId : null;
  setHash(id);
  return id;
}

/** The open conversation, kept in the URL hash so a reload reopens it; null is a new, unsent chat. */
export function useCurrentConversation(): [string | null, (id: string | null) => void] {
  const [id, setId] = useState<string | null>(initialConversation);
  const select = useCallback((next: string | null) => {
    setId(next);
    setHash(next);
  }, []);
  return [id, select];
}
