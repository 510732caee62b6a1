import { appError, type AppError } from '../../../shared/errors.ts';

// One plain sentence each. "Could not reach" only where the provider was never reached; a stream
// that broke off after it answered says so.
const CODE_MESSAGES: Record<string, (host: string) => string> = {
  ECONNREFUSED: (host) => `${host} refused the connection: nothing answers at that address.`,
  ENOTFOUND: (host) => `Could not find ${host}: the name does not resolve.`,
  EAI_AGAIN: (host) => `Could not look up ${host}: check your internet connection.`,
  ECONNRESET: (host) => `The connection to ${host} was reset before the reply finished.`,
  EHOSTUNREACH: (host) => `Could not reach ${host}: the host is unreachable.`,
  ENETUNREACH: (host) => `Could not reach ${host}: the network is unreachable.`,
  ETIMEDOUT: (host) => `Could not reach ${host}: the connection timed out.`,
  UND_ERR_SOCKET: (host) => `The connection to ${host} dropped in the middle of the reply.`,
};

/** The error codes along a cause chain (fetch wraps the socket error, sometimes in an AggregateError). */
function codesOf(err: unknown, depth = 0): string[] {
  if (depth > 6 || typeof err !== 'object' || err === null) return [];
  const { code, cause, errors } = err as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof code === 'string' ? [code] : [];
  const nested = Array.isArray(errors) ? errors.flatMap((e) => codesOf(e, depth + 1)) : [];
  return [...own, ...nested, ...codesOf(cause, depth + 1)];
}

function isTerminated(err: unknown): boolean {
  return err instanceof TypeError && err.message === 'terminated';
}

/** A refused, unresolvable or dropped connection, described for people. */
export function describeNetworkFailure(err: unknown, host: string): AppError {
  for (const code of codesOf(err)) {
    const message = CODE_MESSAGES[code];
    if (message) return appError('network', message(host));
  }
  if (isTerminated(err)) return appError('network', `The connection to ${host} dropped in the middle of the reply.`);
  if (err instanceof TypeError && /fetch failed|bad port|invalid url/i.test(`${err.message} ${String(err.cause ?? '')}`)) {
    return appError('network', `Could not reach ${host}: check your internet connection and the API base URL.`);
  }
  if (err === undefined || err === null) {
    return appError('network', `Could not reach ${host}: check your internet connection and the API base URL.`);
  }
  return appError('internal', 'Something went wrong while talking to the provider.');
}
