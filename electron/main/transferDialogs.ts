import { BrowserWindow, dialog } from 'electron';
import type { TransferDialogs } from '../core/transfer/transferStarter.ts';

/** The save and open dialogs behind streamed export and import: main learns a path, the store worker
 *  reads or writes the file itself (nothing big crosses IPC). */
export function createTransferDialogs(): TransferDialogs {
  const parent = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? undefined;
  return {
    async chooseExportPath(suggestedName) {
      const json = suggestedName.endsWith('.json');
      const options = {
        title: 'Export conversations',
        defaultPath: suggestedName,
        filters: [json ? { name: 'Parley export (JSON)', extensions: ['json'] } : { name: 'Markdown', extensions: ['md'] }],
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
    async chooseImportPath() {
      const options = {
        title: 'Import conversations',
        properties: ['openFile' as const],
        filters: [{ name: 'Parley export or ChatGPT conversations.json', extensions: ['json'] }],
      };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
  };
}
