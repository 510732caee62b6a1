import { useConnectivity } from './useConnectivity.ts';
import './connectivity.css';

function timeOf(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/**
 * Shown in the composer while the provider cannot be reached. Sending stays possible (the user may
 * know better, and the error then says what happened); what they type is kept as a draft meanwhile.
 * The status region is always in the page, so screen readers hear it appear.
 */
export function OfflineNote() {
  const { online, state, checking, recheck } = useConnectivity();
  return (
    <div className={online ? 'offline-note offline-note--online' : 'offline-note'}>
      <div className="offline-note__text" role="status">
        {!online && (
          <>
            <p className="offline-note__title">Offline — Parley can't reach the provider. Your message is kept as a draft.</p>
            {state && (
              <p className="offline-note__detail">
                {state.error ? `${state.error.message} ` : ''}Last checked at {timeOf(state.checkedAt)}.
              </p>
            )}
          </>
        )}
      </div>
      {!online && (
        <button type="button" className="button offline-note__retry" onClick={recheck} disabled={checking}>
          {checking ? 'Checking…' : 'Try again'}
        </button>
      )}
    </div>
  );
}
