const NEW_KEY = /Mac|iPhone|iPad/.test(navigator.userAgent) ? 'Cmd+N' : 'Ctrl+N';

/** The keys, shown while there is nothing else to show. */
export function QuickHints({ canHide }: { canHide: boolean }) {
  return (
    <ul className="quick__hints" aria-label="Keyboard shortcuts">
      <li>
        <kbd>Enter</kbd> asks
      </li>
      <li>
        <kbd>Shift+Enter</kbd> starts a new line
      </li>
      <li>
        <kbd>Esc</kbd> {canHide ? 'stops the reply, then hides' : 'stops the reply'}
      </li>
      <li>
        <kbd>{NEW_KEY}</kbd> starts a new exchange
      </li>
    </ul>
  );
}
