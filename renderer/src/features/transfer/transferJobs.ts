import { useSyncExternalStore } from 'react';
import type { TransferEvent } from '../../../../shared/contract/conversations.ts';

/** The export or import running now (one at a time per window), as its progress events tell it. */
export interface TransferJob {
  jobId: string;
  kind: 'export' | 'import';
  /** The export's file name, or the imported file's. */
  fileName?: string;
  progress?: TransferEvent;
}

let current: TransferJob | null = null;
const listeners = new Set<() => void>();

function set(next: TransferJob | null): void {
  current = next;
  for (const listener of [...listeners]) listener();
}

export function beginJob(job: TransferJob): void {
  set(job);
}

/** Applies a progress event; answers the job when this event ended it. */
export function applyTransferEvent(event: TransferEvent): TransferJob | undefined {
  if (!current || current.jobId !== event.jobId) return undefined;
  if (event.phase === 'running') {
    set({ ...current, progress: event });
    return undefined;
  }
  const ended = { ...current, progress: event };
  set(null);
  return ended;
}

export function endJob(jobId: string): void {
  if (current?.jobId === jobId) set(null);
}

export function useTransferJob(): TransferJob | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
