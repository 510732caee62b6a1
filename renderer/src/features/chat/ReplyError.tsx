import type { AppError } from '../../../../shared/errors.ts';
import { useState } from 'react';
import { useCountdown } from './useCountdown.ts';

interface Props {
  error: AppError | undefined;
  /** Asks again (chat.regenerate); absent while another reply streams. */
  onRetry?: () => void;
  onOpenSettings: () => void;
  /** When the failed reply started; only a failure this recent retries by itself. */
  failedAt?: number;
}

/** A rate-limited reply older than this (say, reopened tomorrow) waits for the user's click. */
const AUTO_RETRY_WINDOW_MS = 2 * 60_000;

const RETRYABLE: ReadonlySet<AppError['code']> = new Set(['network', 'timeout', 'provider_error', 'bad_response', 'internal']);

/** Why a reply failed, said as what to do about it, with the button that does it. */
export function ReplyError({ error, onRetry, onOpenSettings, failedAt }: Props) {
  const code = error?.code;
  return (
    <div className="message__error" role="alert">
      <p>{lead(error)}</p>
      {code === 'rate_limited' && onRetry ? (
        <RateLimited retryAfterMs={error?.retryAfterMs} failedAt={failedAt} onRetry={onRetry} />
      ) : (
        <div className="message__error-actions">
          {(code === 'auth_failed' || code === 'token_missing') && (
            <button type="button" className="button" onClick={onOpenSettings}>
              Open Settings
            </button>
          )}
          {code !== undefined && RETRYABLE.has(code) && onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              Retry
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function lead(error: AppError | undefined): string {
  if (!error) return 'The reply failed.';
  switch (error.code) {
    case 'auth_failed':
    case 'token_missing':
      return `The provider did not accept the token: check your API token in Settings. (${error.message})`;
    case 'out_of_credits':
      return `Your account is out of credits: top it up with the provider, then try again. (${error.message})`;
    case 'rate_limited':
      return `The provider is rate limiting requests. (${error.message})`;
    case 'network':
      return `Could not reach the provider: check your connection. (${error.message})`;
    default:
      return error.message;
  }
}

/** Counts down what Retry-After asked for, then retries once by itself; "Retry now" does not wait. */
function RateLimited(props: { retryAfterMs: number | undefined; failedAt: number | undefined; onRetry: () => void }) {
  const { retryAfterMs, failedAt, onRetry } = props;
  const [fresh] = useState(() => failedAt !== undefined && Date.now() - failedAt < AUTO_RETRY_WINDOW_MS);
  const seconds = useCountdown(fresh ? retryAfterMs : undefined, onRetry);
  return (
    <div className="message__error-actions">
      {seconds !== null && <span aria-live="off">Retrying in {seconds} s…</span>}
      <button type="button" className="button" onClick={onRetry}>
        Retry now
      </button>
    </div>
  );
}
