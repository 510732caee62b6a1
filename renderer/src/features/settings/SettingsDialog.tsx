import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/services.tsx';
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
  const dataDir = useDataDir();

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
      <div className="settings-dialog__top">
        <header className="dialog__header">
          <h2 id="settings-title">Settings</h2>
          <button type="button" className="dialog__close" aria-label="Close Settings" onClick={onClose}>
            <CloseIcon />
          </button>
        </header>
        {data.state === 'ready' && <SectionLinks />}
      </div>
      {data.state === 'loading' && <p className="dialog__loading">Loading…</p>}
      {data.state === 'failed' && (
        <>
          <p role="alert">Could not load the settings: {data.error.message}</p>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </>
      )}
      {data.state === 'ready' && (
        <div className="settings-section" id="settings-providers">
          <Balance />
          <ProvidersSection editId={providerId} />
        </div>
      )}
      {data.state === 'ready' && (
        <SettingsForm
          view={data.view}
          dataDir={dataDir}
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

const SECTIONS = [
  { id: 'settings-providers', title: 'Providers' },
  { id: 'settings-general', title: 'General' },
  { id: 'settings-model', title: 'Model and parameters' },
  { id: 'settings-quick', title: 'Quick prompt' },
  { id: 'settings-data', title: 'Data' },
] as const;

/** Links to each section, kept at the top while the dialog scrolls. */
function SectionLinks() {
  return (
    <nav className="settings-nav" aria-label="Settings sections">
      {SECTIONS.map((section) => (
        <button
          key={section.id}
          type="button"
          className="settings-nav__link"
          onClick={() => {
            const target = document.getElementById(section.id);
            target?.scrollIntoView({ block: 'start' });
            target?.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
          }}
        >
          {section.title}
        </button>
      ))}
    </nav>
  );
}

/** Where Parley keeps its data, for the Data section. */
function useDataDir(): string | undefined {
  const api = useApi();
  const [dir, setDir] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void api.app.info().then((result) => live && result.ok && setDir(result.value.dataDir));
    return () => {
      live = false;
    };
  }, [api]);
  return dir;
}
