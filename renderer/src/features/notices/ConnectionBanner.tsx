import { useEffect, useState } from 'react';
import { useConnectionState } from '../../app/services.tsx';
import './notices.css';

const GRACE_MS = 1_000;
const LONG_MS = 8_000;

/** Browser mode only: says so while the WebSocket to the Parley server stays down. */
export function ConnectionBanner() {
  const down = useConnectionState() !== 'open';
  const [stage, setStage] = useState<'hidden' | 'reconnecting' | 'lost'>('hidden');
  useEffect(() => {
    if (!down) return;
    // A blip (or the first connect) should not flash a warning.
    const short = setTimeout(() => setStage('reconnecting'), GRACE_MS);
    const long = setTimeout(() => setStage('lost'), LONG_MS);
    return () => {
      clearTimeout(short);
      clearTimeout(long);
      setStage('hidden');
    };
  }, [down]);
  if (!down || stage === 'hidden') return null;
  return (
    <div className="notice notice--warning" role="status">
      <p className="notice__message">
        {stage === 'reconnecting'
          ? 'Lost the connection to Parley. Reconnecting…'
          : // The page cannot see why the socket is refused; a restarted server (new access key) is the usual cause.
            'Still cannot reach Parley. If you restarted it, open the address it printed in the terminal again. Reconnecting…'}
      </p>
    </div>
  );
}
