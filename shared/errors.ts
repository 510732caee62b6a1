import { z } from 'zod';

/** Every failure the UI can act on has one of these codes. */
export const errorCodes = [
  'invalid_input', // a request or setting was refused before anything was sent
  'token_missing', // no API token configured
  'auth_failed', // 401 from the provider
  'forbidden', // 403 from the provider, or a window that may not call main
  'out_of_credits', // 402
  'rate_limited', // 429 (retryAfterMs when the provider says)
  'not_found', // 404: unknown model or wrong base URL
  'bad_request', // other 4xx
  'provider_error', // 5xx
  'bad_response', // HTML page, garbage or a broken stream instead of the API's JSON
  'timeout',
  'network', // refused, DNS, reset
  'cancelled',
  'busy', // a reply is already streaming in that conversation (one at a time, from any window)
  'confirm_required', // the change would send a stored token to another host: ask the user first
  'keychain_unavailable',
  'storage', // database or settings file
  'not_found_local', // a conversation or message id that does not exist
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** HTTP status from the provider, when there was one. */
  status: z.number().int().optional(),
  retryAfterMs: z.number().nonnegative().optional(),
  /** The saved provider the failed request went to (providers:list), so "check your token" can open it. */
  providerId: z.string().optional(),
  /** The provider's own page that fixes this (a 402's billing page), where Parley knows it. */
  helpUrl: z.string().url().optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function appError(code: ErrorCode, message: string, extra: Partial<AppError> = {}): AppError {
  return { ...extra, code, message };
}

/** Thrown inside main-side services; the dispatcher turns it back into a value. */
export class AppErrorException extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppErrorException';
    this.error = error;
  }
}

export function fail(code: ErrorCode, message: string, extra: Partial<AppError> = {}): never {
  throw new AppErrorException(appError(code, message, extra));
}
