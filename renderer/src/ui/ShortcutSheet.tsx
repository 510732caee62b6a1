import { useEffect, useRef } from 'react';
import { CloseIcon } from './icons.tsx';
import { SHORTCUTS } from './shortcuts.ts';
import '../features/settings/settings.css';
import './shortcutSheet.css';

/** The keyboard shortcuts, in a modal dialog (Esc or the close button closes it). */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog shortcut-sheet"
      aria-labelledby="shortcut-sheet-title"
      onClose={() => {
        if (!dialog.current?.open) onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
        <button type="button" className="dialog__close" aria-label="Close keyboard shortcuts" onClick={onClose} autoFocus>
          <CloseIcon />
        </button>
      </header>
      <table className="shortcut-sheet__table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys}>
              <td>
                <kbd>{shortcut.keys}</kbd>
              </td>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
