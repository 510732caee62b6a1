import { appError, type AppError } from '../../../shared/errors.ts';
import { describeNetworkFailure } from '../chat/networkErrors.ts';
import { hostOf } from '../chat/providerErrors.ts';

export type ProbeResult = { online: true } | { online: false; error: AppError };

function isTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'TimeoutError';
}

/** One cheap request (GET {baseUrl}/models): any HTTP answer, even 401 or 404, means the provider can
 *  be reached; only a network failure or silence past the timeout means offline. */
export async function probeProvider(
  baseUrl: string,
  token: string | undefined,
  timeoutMs: number,
  fetchFn: typeof fetch = fetch,
): Promise<ProbeResult> {
  const host = hostOf(baseUrl);
  try {
    const response = await fetchFn(`${baseUrl.replace(/\/+$/, '')}/models`, {
      method: 'GET',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    return { online: true };
  } catch (err) {
    if (isTimeout(err)) {
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      return { online: false, error: appError('timeout', `${host} did not answer within ${seconds} s.`) };
    }
    const described = describeNetworkFailure(err, host);
    const error = described.code === 'network' ? described : appError('network', `Could not reach ${host}. Check your internet connection and the API base URL.`);
    return { online: false, error };
  }
}
