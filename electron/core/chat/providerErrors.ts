import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AppErrorException, appError, type AppError } from '../../../shared/errors.ts';
import { billingUrlFor } from '../../../shared/providerLinks.ts';
import { describeNetworkFailure } from './networkErrors.ts';

/** What the request was about, so messages can name the model and host; the token is only used to redact. */
export interface ProviderErrorContext {
  model?: string;
  baseUrl?: string;
  token?: string;
}

const MAX_DETAIL_CHARS = 300;

export function hostOf(baseUrl: string | undefined): string {
  if (!baseUrl) return 'the provider';
  try {
    return new URL(baseUrl).host || 'the provider';
  } catch {
    return 'the provider';
  }
}

/** The provider's own words, made safe to show: one line, short, no secrets. */
export function cleanDetail(text: string, token?: string): string {
  let detail = text.replace(/\s+/g, ' ').trim();
  if (token && token.length >= 4) detail = detail.split(token).join('[token]');
  detail = detail.replace(/\b(sk|pk|rk)-[A-Za-z0-9_-]{6,}/g, '$1-…');
  return detail.length > MAX_DETAIL_CHARS ? `${detail.slice(0, MAX_DETAIL_CHARS - 1).trimEnd()}…` : detail;
}

function providerMessage(err: APIError): string | undefined {
  const body = err.error;
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const message = (body as { message?: unknown }).message;
    if (typeof message === 'string' && message.trim()) return message;
  }
  return undefined;
}

function looksLikeHtml(err: APIError): boolean {
  const type = err.headers?.get('content-type') ?? '';
  return type.includes('text/html') || /<(!doctype|html|head|body)\b/i.test(err.message);
}

/** Retry-After (seconds or an HTTP date) or retry-after-ms, in milliseconds. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function statusError(err: APIError & { status: number }, ctx: ProviderErrorContext): AppError {
  const { status } = err;
  const host = hostOf(ctx.baseUrl);
  if (looksLikeHtml(err)) {
    return appError(
      'bad_response',
      `${host} answered with a web page instead of an API response (HTTP ${status}). Check the API base URL or proxy.`,
      { status },
    );
  }
  const own = providerMessage(err);
  const said = own ? ` The provider said: ${cleanDetail(own, ctx.token)}` : '';
  switch (status) {
    case 401:
      return appError('auth_failed', `${host} rejected the API token.`, { status });
    case 402: {
      const billing = billingUrlFor(ctx.baseUrl);
      return appError('out_of_credits', `Your account at ${host} is out of credits.`, { status, ...(billing ? { helpUrl: billing } : {}) });
    }
    case 403:
      return appError('forbidden', `${host} refused this request: the token may not have access to this model.${said}`, { status });
    case 404: {
      const model = ctx.model ? `the model "${ctx.model}"` : 'this model';
      return appError('not_found', `${host} does not know ${model} (or the API base URL is wrong).`, { status });
    }
    case 429: {
      const wait = retryAfterMs(err.headers);
      const when = wait === undefined ? '' : ` for ${Math.max(1, Math.ceil(wait / 1000))} s`;
      return appError('rate_limited', `${host} is rate limiting requests: wait${when || ' a moment'}.`, {
        status,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      });
    }
  }
  if (status >= 500) {
    // A 503 often says when to come back; the UI can count down as for 429.
    const wait = retryAfterMs(err.headers);
    return appError('provider_error', `${host} had a problem of its own (HTTP ${status}).`, {
      status,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    });
  }
  const detail = own ? cleanDetail(own, ctx.token) : `HTTP ${status}`;
  return appError('bad_request', `The provider refused the request: ${detail}`, { status });
}

/** Maps anything thrown while talking to the provider to an error a person can act on. */
export function toAppError(err: unknown, ctx: ProviderErrorContext = {}): AppError {
  if (err instanceof AppErrorException) return err.error;
  const host = hostOf(ctx.baseUrl);
  if (err instanceof APIUserAbortError) return appError('cancelled', 'The request was cancelled.');
  if (err instanceof APIConnectionTimeoutError) {
    return appError('timeout', `${host} did not answer in time.`);
  }
  if (err instanceof APIConnectionError) return describeNetworkFailure(err.cause, host);
  if (err instanceof APIError) {
    if (typeof err.status === 'number') return statusError(err as APIError & { status: number }, ctx);
    // An `error` object inside an otherwise healthy stream.
    const own = providerMessage(err);
    return appError('provider_error', `${host} stopped the reply with an error${own ? `: ${cleanDetail(own, ctx.token)}` : '.'}`);
  }
  if (err instanceof SyntaxError) {
    return appError('bad_response', `${host} sent data Parley could not read (not valid JSON).`);
  }
  return describeNetworkFailure(err, host);
}
