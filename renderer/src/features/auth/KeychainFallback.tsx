import type { AppError } from '../../../../shared/errors.ts';

interface Props {
  problem: AppError;
  disabled: boolean;
  onKeepForSession: () => void;
}

/** Explains that no keychain is reachable and offers to keep the token in memory until Parley quits. */
export function KeychainFallback({ problem, disabled, onKeepForSession }: Props) {
  return (
    <div className="keychain-fallback" role="alert">
      <p>
        <strong>The token was not saved.</strong> {problem.message}
      </p>
      <button type="button" className="button" onClick={onKeepForSession} disabled={disabled}>
        Keep for this session only
      </button>
    </div>
  );
}
