import { useState } from 'react';
import { checkGlobalHotkey } from '../../../../shared/accelerator.ts';
import type { HotkeyStatus } from '../../../../shared/contract/app.ts';
import { Field } from './Field.tsx';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** What Save found wrong (the same check, run on the whole form). */
  error: string | undefined;
  /** What main says about the shortcut now; null while it is asked. */
  status: HotkeyStatus | null;
  /** The status follows a save just made (say so: the settings were saved even if the shortcut is not active). */
  justSaved: boolean;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const KEY_LABELS: Record<string, string> = {
  CommandOrControl: isMac ? 'Cmd' : 'Ctrl',
  Command: 'Cmd',
  Control: 'Ctrl',
  Alt: isMac ? 'Option' : 'Alt',
  Super: isMac ? 'Cmd' : 'Super',
};

/** "Ctrl+Shift+Space" for CommandOrControl+Shift+Space: how the user would name it here. */
function shortcutLabel(accelerator: string): string {
  return accelerator
    .split('+')
    .map((part) => KEY_LABELS[part] ?? part)
    .join('+');
}

function statusText(status: HotkeyStatus, justSaved: boolean): string {
  if (status.registered) return status.message ?? `${shortcutLabel(status.accelerator)} opens the quick prompt from any app.`;
  const why = status.message ?? 'The shortcut is not active.';
  return justSaved && status.accelerator !== '' ? `Saved, but the shortcut is not active. ${why}` : why;
}

/**
 * The quick prompt's global shortcut, checked as it is typed with the rules main applies, and what
 * main made of it (set, taken by another app, a Wayland session, browser mode).
 */
export function HotkeyField({ value, onChange, error, status, justSaved }: Props) {
  const [touched, setTouched] = useState(false);
  const check = value.trim() === '' ? null : checkGlobalHotkey(value);
  // Not while the first shortcut is still being typed: only once the field was left, or Save tried.
  const message = check && !check.ok && (touched || error) ? check.message : undefined;
  return (
    <div className="settings__hotkey">
      <Field
        id="settings-quick-hotkey"
        label="Quick prompt shortcut"
        value={value}
        onChange={onChange}
        onBlur={() => setTouched(true)}
        error={message}
        spellCheck={false}
        autoComplete="off"
        placeholder="None"
        hint={
          <>
            For example CommandOrControl+Shift+Space; leave it empty for no global shortcut. On Wayland, where apps may
            not grab keys, bind the command <code>parley --quick</code> to a shortcut in your desktop's keyboard settings
            instead.
          </>
        }
      />
      <p className="settings__hotkey-status" role="status" data-registered={status?.registered}>
        {status ? statusText(status, justSaved) : ''}
      </p>
    </div>
  );
}
