import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/services.tsx';
import { MenuButton } from '../../ui/MenuButton.tsx';
import { TransferProgress } from './TransferProgress.tsx';
import { useTransfer, useTransferEvents } from './useTransfer.ts';
import './transfer.css';

/** The sidebar footer's "Export and import" menu, the file picker Import opens (browser mode; the
 *  desktop app asks with its own open dialog), and the progress of a running transfer. */
export function TransferMenu() {
  const api = useApi();
  const { exportConversations, importFile } = useTransfer();
  useTransferEvents();
  const picker = useRef<HTMLInputElement>(null);
  const [desktop, setDesktop] = useState(false);
  useEffect(() => {
    let live = true;
    void api.app.info().then((result) => {
      if (live && result.ok) setDesktop(result.value.mode === 'desktop');
    });
    return () => {
      live = false;
    };
  }, [api]);
  return (
    <>
      <TransferProgress />
      <MenuButton
        label="Export and import"
        className="button button--quiet sidebar-footer-button"
        actions={[
          { label: 'Export all as JSON', onSelect: () => void exportConversations('json') },
          { label: 'Export all as Markdown', onSelect: () => void exportConversations('markdown') },
          { label: 'Import…', onSelect: () => (desktop ? void importFile() : picker.current?.click()) },
        ]}
      >
        Export and import
      </MenuButton>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        className="transfer__picker"
        tabIndex={-1}
        aria-label="Import conversations from a file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so picking the same file again imports again.
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </>
  );
}
