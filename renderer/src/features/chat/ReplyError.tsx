import type { AppError } from '../../../../shared/errors.ts';
import { useState } from 'react';
import type { OpenSettings } from '../settings/settingsTarget.ts';
import { useCountdown } from './useCountdown.ts';

interface Props {
  error: AppError | undefined;
  /** Asks again (chat.regenerate); absent while another reply streams. */
  onRetry?: (() => void) | undefined;
  onOpenSettings: OpenSettings;
  /** When the failed reply started; only a failure this recent retries by itself. */
  failedAt?: number;
}

/** A rate-limited reply older than this (say, reopened tomorrow) waits for the user's click. */
const AUTO_RETRY_WINDOW_MS = 2 * 60_000;

/** Failures fixed in Settings (the token, the model or the address): the button opens the provider. */
const FIXED_IN_SETTINGS: ReadonlySet<AppError['code']> = new Set(['auth_failed', 'token_missing', 'forbidden', 'not_found']);

/** Why a reply failed, in one sentence, with the buttons that get past it: Retry on every failure. */
export function ReplyError({ error, onRetry, onOpenSettings, failedAt }: Props) {
  const code = error?.code;
  const settings = code !== undefined && FIXED_IN_SETTINGS.has(code);
  return (
    <div className="message__error" role="alert">
      <p>{error?.message ?? 'The reply failed.'}</p>
      <div className="message__error-actions">
        {code === 'rate_limited' && onRetry ? (
          <RateLimited retryAfterMs={error?.retryAfterMs} failedAt={failedAt} onRetry={onRetry} />
        ) : (
          onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              Retry
            </button>
          )
        )}
        {settings && (
          <button type="button" className="button" onClick={() => onOpenSettings({ providerId: error?.providerId })}>
            Open Settings
          </button>
        )}
        {code === 'out_of_credits' && error?.helpUrl && (
          <a className="button" href={error.helpUrl} target="_blank" rel="noreferrer noopener">
            Top up credits
          </a>
        )}
      </div>
    </div>
  );
}

/** Counts down what Retry-After asked for, then retries once by itself; "Retry now" does not wait. */
function RateLimited(props: { retryAfterMs: number | undefined; failedAt: number | undefined; onRetry: () => void }) {
  const { retryAfterMs, failedAt, onRetry } = props;
  const [fresh] = useState(() => failedAt !== undefined && Date.now() - failedAt < AUTO_RETRY_WINDOW_MS);
  const seconds = useCountdown(fresh ? retryAfterMs : undefined, onRetry);
  return (
    <>
      {seconds !== null && <span aria-live="off">Retrying in {seconds} s…</span>}
      <button type="button" className="button" onClick={onRetry}>
        Retry now
      </button>
    </>
  );
}
