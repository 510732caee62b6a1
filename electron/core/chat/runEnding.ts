import type { AppError } from '../../../shared/errors.ts';
import { describeProxy } from '../providers/proxy.ts';
import type { ResolvedConfig } from './conversationConfig.ts';

/** Told how replies end, so the app can notice when the provider is unreachable. */
export interface ConnectivityReporter {
  providerUnreachable(error: AppError): void;
  providerAnswered(): void;
}

const NETWORK_CODES: ReadonlySet<AppError['code']> = new Set(['network', 'timeout']);

/** Which provider failed (so "check your token" can open it), and the proxy when the way there is
 *  what failed. */
export function withProvider(error: AppError, config: Pick<ResolvedConfig, 'providerId' | 'proxyUrl'>): AppError {
  const { providerId, proxyUrl } = config;
  const viaProxy =
    proxyUrl && NETWORK_CODES.has(error.code) ? ` (Parley goes through the proxy ${describeProxy(proxyUrl)}; check it in Settings.)` : '';
  return { ...error, message: error.message + viaProxy, ...(providerId ? { providerId } : {}) };
}

export function reportConnectivity(reporter: ConnectivityReporter | undefined, end: { status: string; error?: AppError }): void {
  if (!reporter) return;
  try {
    if (end.status === 'complete') reporter.providerAnswered();
    else if (end.error && NETWORK_CODES.has(end.error.code)) reporter.providerUnreachable(end.error);
  } catch {
    // Connectivity is a hint for the UI; it never fails a reply.
  }
}
