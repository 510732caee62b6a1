import { useCallback, useMemo } from 'react';
import { useApi } from '../../app/services.tsx';
import { showToast } from '../../ui/toastStore.ts';
import { downloadFile } from './download.ts';

export type ExportFormat = 'markdown' | 'json';

export interface Transfer {
  /** One conversation, or all of them (not the trash) without ids. */
  exportConversations: (format: ExportFormat, ids?: string[]) => Promise<void>;
  importFile: (file: File) => Promise<void>;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Imported 3 conversations, skipped 1 already here." */
export function importOutcome(imported: number, skipped: number): string {
  if (imported === 0 && skipped === 0) return 'That file has no conversations to import.';
  if (imported === 0) return skipped === 1 ? 'Nothing new: that conversation is already here.' : `Nothing new: all ${skipped} conversations are already here.`;
  const done = `Imported ${plural(imported, 'conversation', 'conversations')}`;
  return skipped > 0 ? `${done}, skipped ${skipped} already here.` : `${done}.`;
}

/** Export and import, with the outcome told in the sidebar's toast. */
export function useTransfer(): Transfer {
  const api = useApi();

  const exportConversations = useCallback(
    async (format: ExportFormat, ids?: string[]) => {
      const result = await api.conversations.export(ids ? { format, ids } : { format });
      if (!result.ok) {
        showToast({ level: 'error', message: `Could not export: ${result.error.message}` });
        return;
      }
      downloadFile(result.value);
      showToast({ level: 'info', message: `Saved ${result.value.fileName}.` });
    },
    [api],
  );

  const importFile = useCallback(
    async (file: File) => {
      let content: string;
      try {
        content = await file.text();
      } catch {
        showToast({ level: 'error', message: `Could not read ${file.name}.` });
        return;
      }
      const result = await api.conversations.import({ content });
      if (!result.ok) {
        showToast({ level: 'error', message: `Could not import ${file.name}: ${result.error.message}` });
        return;
      }
      showToast({ level: 'info', message: importOutcome(result.value.imported, result.value.skipped) });
    },
    [api],
  );

  return useMemo(() => ({ exportConversations, importFile }), [exportConversations, importFile]);
}
