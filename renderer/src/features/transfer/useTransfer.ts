import { useCallback, useEffect, useMemo } from 'react';
import type { TransferEvent } from '../../../../shared/contract/conversations.ts';
import { useApi } from '../../app/services.tsx';
import { showToast } from '../../ui/toastStore.ts';
import { startDownload } from './download.ts';
import { applyTransferEvent, beginJob, endJob, type TransferJob } from './transferJobs.ts';

export type ExportFormat = 'markdown' | 'json';

export interface Transfer {
  /** One conversation, or all of them (not the trash) without ids. */
  exportConversations: (format: ExportFormat, ids?: string[]) => Promise<void>;
  /** Browser mode: the file the page picked, uploaded as a stream. Desktop: main's open dialog. */
  importFile: (file?: File) => Promise<void>;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "Imported 3 conversations, skipped 1 already here." */
export function importOutcome(imported: number, skipped: number): string {
  if (imported === 0 && skipped === 0) return 'That file has no conversations to import.';
  if (imported === 0) return skipped === 1 ? 'Nothing new: that conversation is already here.' : `Nothing new: all ${skipped.toLocaleString('en')} conversations are already here.`;
  const done = `Imported ${plural(imported, 'conversation', 'conversations')}`;
  return skipped > 0 ? `${done}, skipped ${skipped.toLocaleString('en')} already here.` : `${done}.`;
}

/** The line the sidebar's status toast shows when a transfer ended. */
function announce(job: TransferJob, end: TransferEvent): void {
  const name = job.fileName ?? 'the file';
  const kept = end.result?.imported ?? 0;
  if (end.phase === 'done') {
    showToast({ level: 'info', message: job.kind === 'export' ? `Saved ${name}.` : importOutcome(end.result?.imported ?? 0, end.result?.skipped ?? 0) });
  } else if (end.phase === 'cancelled') {
    showToast({
      level: 'info',
      message: job.kind === 'export' ? 'Export cancelled: no file was saved.' : `Import cancelled. ${kept > 0 ? `The ${plural(kept, 'conversation', 'conversations')} imported before are kept.` : 'Nothing was imported.'}`,
    });
  } else {
    const what = job.kind === 'export' ? 'Could not export' : `Could not import ${name}`;
    const keptNote = job.kind === 'import' && kept > 0 ? ` (${plural(kept, 'conversation was', 'conversations were')} imported before the problem.)` : '';
    showToast({ level: 'error', message: `${what}: ${end.error?.message ?? 'it failed.'}${keptNote}` });
  }
}

/** Follows the running transfer's progress events and tells how it ended; mount once per window. */
export function useTransferEvents(): void {
  const api = useApi();
  useEffect(
    () =>
      api.conversations.onTransfer((event) => {
        const ended = applyTransferEvent(event);
        if (ended) announce(ended, event);
      }),
    [api],
  );
}

/** Export and import as streams: the file never passes through one message; progress shows in the
 *  sidebar with Cancel, and the outcome in its status toast. */
export function useTransfer(): Transfer {
  const api = useApi();

  const exportConversations = useCallback(
    async (format: ExportFormat, ids?: string[]) => {
      const result = await api.conversations.exportFile(ids ? { format, ids } : { format });
      if (!result.ok) {
        showToast({ level: 'error', message: `Could not export: ${result.error.message}` });
        return;
      }
      const { jobId, url, fileName, cancelled } = result.value;
      if (cancelled || !jobId) return;
      beginJob({ jobId, kind: 'export', ...(fileName ? { fileName } : {}) });
      // Browser mode: the server writes the file, then streams it as a download from this one-time URL.
      if (url) startDownload(url, fileName ?? 'parley-export');
    },
    [api],
  );

  const importFile = useCallback(
    async (file?: File) => {
      const result = await api.conversations.importFile({});
      if (!result.ok) {
        showToast({ level: 'error', message: `Could not import: ${result.error.message}` });
        return;
      }
      const { jobId, url, cancelled } = result.value;
      if (cancelled || !jobId) return;
      beginJob({ jobId, kind: 'import', ...(file ? { fileName: file.name } : {}) });
      if (!url) return; // desktop: main read the path from its open dialog; the worker reads the file
      if (!file) {
        endJob(jobId);
        return;
      }
      try {
        // The file goes up as the request body, streamed by the browser; progress and the outcome
        // come as conversations:transfer events.
        const response = await fetch(url, { method: 'POST', body: file, credentials: 'same-origin', headers: { 'Content-Type': 'application/octet-stream' } });
        if (response.status >= 500 || response.status === 400 || response.status === 404) throw new Error(await response.text());
      } catch (err) {
        endJob(jobId);
        showToast({ level: 'error', message: `Could not import ${file.name}: ${err instanceof Error && err.message ? err.message : 'the upload failed.'}` });
      }
    },
    [api],
  );

  return useMemo(() => ({ exportConversations, importFile }), [exportConversations, importFile]);
}
