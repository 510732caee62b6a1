import { useEffect, useRef, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import { useApi } from '../../app/services.tsx';
import { TRASH_RETENTION_DAYS, trashDates } from './trashDates.ts';
import { useTrashList } from './useTrashList.ts';
import './trash.css';

interface Props {
  onClose: () => void;
}

type Confirming = { kind: 'purge'; id: string } | { kind: 'empty' } | null;

/** A modal <dialog> listing the trash: restore, delete forever (confirmed), empty the trash (confirmed). */
export function TrashDialog({ onClose }: Props) {
  const api = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const { items, error, reload } = useTrashList();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  // A button that goes away takes the focus with it: hand it on (to the row that took the place of
  // a removed one, or back to the button that asked for a confirmation), else to Close.
  const focusLater = (selector: string) => {
    requestAnimationFrame(() => {
      const target = dialog.current?.querySelector<HTMLElement>(selector) ?? dialog.current?.querySelector<HTMLElement>('.trash__close');
      target?.focus();
    });
  };
  const focusRowAfter = (index: number) => {
    const count = dialog.current?.querySelectorAll('.trash-item').length ?? 0;
    focusLater(`.trash-item:nth-child(${Math.max(1, Math.min(index + 1, count))}) button`);
  };
  const cancel = (selector: string) => {
    setConfirming(null);
    focusLater(selector);
  };

  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string, index: number) => {
    setFailure('');
    setConfirming(null);
    const result = await run();
    if (!result.ok) {
      setFailure(result.error?.message ?? 'That did not work.');
      return;
    }
    setStatus(done);
    await reload();
    focusRowAfter(index);
  };

  const restore = (item: ConversationSummary, index: number) =>
    act(() => api.conversations.restore({ id: item.id }), `Restored “${item.title || 'New chat'}”.`, index);
  const purge = (item: ConversationSummary, index: number) =>
    act(() => api.conversations.purge({ id: item.id }), `Deleted “${item.title || 'New chat'}” for good.`, index);
  const empty = () => act(() => api.conversations.emptyTrash(), 'Emptied the trash.', 0);

  return (
    <dialog
      ref={dialog}
      className="trash"
      aria-labelledby="trash-title"
      onClose={() => {
        // A close event queued by an earlier close() may land after the dialog reopened (Strict Mode).
        if (!dialog.current?.open) onClose();
      }}
    >
      <header className="trash__header">
        <h2 id="trash-title">Trash</h2>
        <button type="button" className="button button--quiet trash__close" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="trash__intro">Conversations stay here for {TRASH_RETENTION_DAYS} days after you delete them, then they are deleted for good.</p>
      <p className="trash__status" role="status">
        {status}
      </p>
      {(failure || error) && (
        <p className="trash__error" role="alert">
          {failure || `Could not load the trash: ${error?.message}`}
        </p>
      )}
      {items === null ? (
        <p className="trash__empty">Loading…</p>
      ) : items.length === 0 ? (
        <p className="trash__empty">The trash is empty.</p>
      ) : (
        <ul className="trash__list" aria-label="Conversations in the trash">
          {items.map((item, index) => (
            <li key={item.id} className="trash-item">
              <div className="trash-item__text">
                <span className="trash-item__title">{item.title || 'New chat'}</span>
                {item.deletedAt !== undefined && <TrashDates deletedAt={item.deletedAt} />}
              </div>
              {confirming?.kind === 'purge' && confirming.id === item.id ? (
                <div className="trash-item__confirm" role="group" aria-label="Confirm">
                  <span>Delete for good? This cannot be undone.</span>
                  <button type="button" className="button trash__danger" autoFocus onClick={() => void purge(item, index)}>
                    Yes, delete forever
                  </button>
                  <button type="button" className="button button--quiet" onClick={() => cancel(`.trash-item:nth-child(${index + 1}) .trash__purge`)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <div className="trash-item__actions">
                  <button type="button" className="button" onClick={() => void restore(item, index)}>
                    Restore
                  </button>
                  <button type="button" className="button button--quiet trash__danger-quiet trash__purge" onClick={() => setConfirming({ kind: 'purge', id: item.id })}>
                    Delete forever
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {items !== null && items.length > 0 && (
        <footer className="trash__footer">
          {confirming?.kind === 'empty' ? (
            <div className="trash-item__confirm" role="group" aria-label="Confirm">
              <span>
                Delete {items.length === 1 ? 'the conversation' : `all ${items.length} conversations`} in the trash for good? This cannot be undone.
              </span>
              <button type="button" className="button trash__danger" autoFocus onClick={() => void empty()}>
                Yes, empty the trash
              </button>
              <button type="button" className="button button--quiet" onClick={() => cancel('.trash__empty-button')}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" className="button trash__danger-quiet trash__empty-button" onClick={() => setConfirming({ kind: 'empty' })}>
              Empty trash
            </button>
          )}
        </footer>
      )}
    </dialog>
  );
}

function TrashDates({ deletedAt }: { deletedAt: number }) {
  const { deleted, purged } = trashDates(deletedAt);
  return (
    <span className="trash-item__when">
      <span>{deleted}</span>
      <span>{purged}</span>
    </span>
  );
}
