import { QueryClient } from '@tanstack/react-query';
import type { AppError } from '../../../shared/errors.ts';

/**
 * Server state (the conversation list, a conversation's pages) lives in one TanStack Query cache.
 * Main pushes every change as an event, so nothing refetches on a timer or on focus: the events
 * update or invalidate the cache (see useConversation and useConversationList). Streamed text keeps
 * its own path, the stream hub.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  });
}

/** A failed call's error value, carried through TanStack Query as the thrown error. */
export class CallError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}
