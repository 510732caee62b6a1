import { useEffect, useRef } from 'react';
import type { AuthStatus } from '../../../../shared/contract/auth.ts';
import { Balance } from '../providers/Balance.tsx';
import { ProvidersSection } from '../providers/ProvidersSection.tsx';
import { CloseIcon } from '../../ui/icons.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { useSettingsData } from './useSettingsData.ts';
import './settings.css';

interface Props {
  /** Opens at this provider's editor (a failed reply's "Open Settings"). */
  providerId?: string | undefined;
  onClose: () => void;
  onAuthChange: (auth: AuthStatus) => void;
}

/** A modal <dialog>: the browser traps focus, makes the rest inert and closes it on Esc. */
export function SettingsDialog({ providerId, onClose, onAuthChange }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const data = useSettingsData();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="settings-title" onClose={() => {
        // A close event queued by an earlier close() may land after the dialog reopened (Strict Mode).
        if (!dialog.current?.open) onClose();
      }}>
      <header className="dialog__header">
        <h2 id="settings-title">Settings</h2>
        <button type="button" className="dialog__close" aria-label="Close Settings" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      {data.state === 'loading' && <p className="dialog__loading">Loading…</p>}
      {data.state === 'failed' && (
        <>
          <p role="alert">Could not load the settings: {data.error.message}</p>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </>
      )}
      {data.state === 'ready' && <Balance />}
      {data.state === 'ready' && <ProvidersSection editId={providerId} />}
      {data.state === 'ready' && (
        <SettingsForm
          view={data.view}
          auth={data.auth}
          onCancel={onClose}
          onAuthChange={onAuthChange}
          onSaved={(auth) => {
            onAuthChange(auth);
            onClose();
          }}
        />
      )}
    </dialog>
  );
}
