interface Props {
  pinned: boolean;
  onTogglePin: () => void;
  onNew: () => void;
  /** Absent until there is a conversation to open. */
  onOpenInMain: (() => void) | undefined;
  /** Absent in browser mode, where there is no window to hide. */
  onHide: (() => void) | undefined;
}

/** The strip that moves the frameless window; its buttons stay clickable (no-drag). */
export function QuickHeader({ pinned, onTogglePin, onNew, onOpenInMain, onHide }: Props) {
  return (
    <header className="quick__header">
      <h1 className="quick__brand">Parley</h1>
      <div className="quick__actions">
        <button type="button" className="button button--quiet quick__action" onClick={onNew} title="Start a new exchange (Ctrl+N)">
          New
        </button>
        <button
          type="button"
          className="button button--quiet quick__action quick__pin"
          aria-pressed={pinned}
          onClick={onTogglePin}
          title={pinned ? 'Pinned: stays open when you switch to another window' : 'Keep this window open when you switch to another one'}
        >
          <PinIcon />
          Pin
        </button>
        <button type="button" className="button quick__action" onClick={onOpenInMain} disabled={!onOpenInMain}>
          Open in main window
        </button>
        {onHide && (
          <button type="button" className="button button--quiet quick__action quick__hide" onClick={onHide} aria-label="Hide" title="Hide (Esc)">
            <CloseIcon />
          </button>
        )}
      </div>
    </header>
  );
}

function PinIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M6 2h4l-.5 4 2.5 2.5v1H4v-1L6.5 6zM8 9.5V14" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
