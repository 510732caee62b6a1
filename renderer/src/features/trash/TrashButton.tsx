import { useCallback, useRef, useState } from 'react';
import { TrashDialog } from './TrashDialog.tsx';
import './trash.css';

/** The sidebar footer's way into the trash. */
export function TrashButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    // After the dialog is gone, back to where the user opened it from.
    requestAnimationFrame(() => button.current?.focus());
  }, []);
  return (
    <>
      <button ref={button} type="button" className="button button--quiet sidebar-footer-button" onClick={() => setOpen(true)}>
        Trash
      </button>
      {open && <TrashDialog onClose={close} />}
    </>
  );
}
