import type { AppError } from '../../../shared/errors.ts';

/** What the quick prompt says about a failure; it has no Settings of its own, so it points to Parley's. */
export function quickErrorMessage(error: AppError): string {
  if (error.code === 'token_missing') {
    return "No API token is set yet. Open Parley's Settings (in the main window) to add one, then ask again.";
  }
  return error.message;
}
