import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes, URL-safe: the secret printed in the terminal. */
export function newAccessKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time, whatever the lengths (both sides are hashed to 32 bytes first). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** Who may talk to the server: the key from the terminal, or the cookie it was exchanged for. */
export class AccessGate {
  readonly key: string;
  /** Cookies are shared between ports on one host: the port in the name keeps two instances apart. */
  readonly cookieName: string;
  private readonly session: string;
  private readonly hosts: Set<string>;
  private readonly origins: Set<string>;

  constructor(port: number, key: string = newAccessKey()) {
    this.key = key;
    this.session = newAccessKey();
    this.cookieName = `parley_session_${port}`;
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  }

  /** DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host. */
  hostAllowed(request: IncomingMessage): boolean {
    const host = request.headers.host?.toLowerCase();
    return host !== undefined && this.hosts.has(host);
  }

  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin?.toLowerCase();
    return origin !== undefined && this.origins.has(origin);
  }

  keyMatches(candidate: string | null): boolean {
    return candidate !== null && secretsEqual(candidate, this.key);
  }

  hasSession(request: IncomingMessage): boolean {
    const cookie = parseCookies(request.headers.cookie).get(this.cookieName);
    return cookie !== undefined && secretsEqual(cookie, this.session);
  }

  /** The cookie a correct key is exchanged for: HttpOnly, so page scripts never see it. */
  sessionCookie(): string {
    return `${this.cookieName}=${this.session}; Path=/; HttpOnly; SameSite=Strict`;
  }
}
