import { useRef } from 'react';
import { MenuButton } from '../../ui/MenuButton.tsx';
import { useTransfer } from './useTransfer.ts';
import './transfer.css';

/** The sidebar footer's "Export and import" menu, and the file picker Import opens. */
export function TransferMenu() {
  const { exportConversations, importFile } = useTransfer();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <MenuButton
        label="Export and import"
        className="button button--quiet sidebar-footer-button"
        actions={[
          { label: 'Export all as JSON', onSelect: () => void exportConversations('json') },
          { label: 'Export all as Markdown', onSelect: () => void exportConversations('markdown') },
          { label: 'Import…', onSelect: () => picker.current?.click() },
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
