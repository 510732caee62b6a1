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

/** The WebSocket subprotocol the page asks for; the session secret rides beside it as `parley-session.<secret>`. */
export const WIRE_PROTOCOL = 'parley';
export const SESSION_PROTOCOL_PREFIX = 'parley-session.';
/** The header that carries the session secret on HTTP calls (sign out). */
export const SESSION_HEADER = 'x-parley-session';

export interface AccessTimings {
  /** How long a one-time code (the one handed to the system browser) stays valid. */
  codeTtlMs: number;
  /** How long after a key or code was used its cookie may be exchanged for a session secret. */
  exchangeTtlMs: number;
  now: () => number;
}

const DEFAULT_TIMINGS: AccessTimings = { codeTtlMs: 30_000, exchangeTtlMs: 60_000, now: () => Date.now() };

interface CookieSession {
  mintedAt: number;
  /** Each cookie is exchanged for a session secret once: a copy of the cookie seen later by another
   *  server on this host (cookies ignore ports) gets nothing from it. */
  exchanged: boolean;
}

/**
 * Who may talk to the server. The printed key (or a one-time code) buys an HttpOnly cookie, which
 * loads the app's files; the page exchanges that cookie once for a session secret that only this
 * port ever sends, keeps it in sessionStorage and presents it on the WebSocket handshake. Everything
 * lives in memory: restarting the server ends every session.
 */
export class AccessGate {
  readonly key: string;
  /** Cookies are shared between ports on one host: the port in the name keeps two instances apart. */
  readonly cookieName: string;
  private readonly hosts: Set<string>;
  private readonly origins: Set<string>;
  private readonly timings: AccessTimings;
  private readonly cookies = new Map<string, CookieSession>();
  private readonly secrets = new Set<string>();
  private readonly codes = new Map<string, number>();

  constructor(port: number, key: string = newAccessKey(), timings: Partial<AccessTimings> = {}) {
    this.key = key;
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
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

  /** A code for one browser start: valid for seconds, good once. It is what a process argument may show. */
  mintCode(): string {
    const code = newAccessKey();
    this.codes.set(code, this.timings.now() + this.timings.codeTtlMs);
    return code;
  }

  /** True once per code, within its lifetime. */
  useCode(candidate: string | null): boolean {
    if (candidate === null) return false;
    const now = this.timings.now();
    for (const [code, expires] of this.codes) {
      if (expires <= now) this.codes.delete(code);
      else if (secretsEqual(candidate, code)) {
        this.codes.delete(code);
        return true;
      }
    }
    return false;
  }

  /** A fresh cookie for a browser that showed the key or a code: HttpOnly, so page scripts never see it. */
  issueCookie(): string {
    const value = newAccessKey();
    this.cookies.set(value, { mintedAt: this.timings.now(), exchanged: false });
    return `${this.cookieName}=${value}; Path=/; HttpOnly; SameSite=Strict`;
  }

  /** The cookie that ends a session in this browser. */
  clearedCookie(): string {
    return `${this.cookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
  }

  hasSession(request: IncomingMessage): boolean {
    return this.#cookieOf(request) !== undefined;
  }

  /** The session secret for a cookie that was issued moments ago and never exchanged; else null. */
  exchange(request: IncomingMessage): string | null {
    const session = this.#cookieOf(request);
    if (!session || session.exchanged) return null;
    session.exchanged = true;
    if (this.timings.now() - session.mintedAt > this.timings.exchangeTtlMs) return null;
    const secret = newAccessKey();
    this.secrets.add(secret);
    return secret;
  }

  secretValid(candidate: string | undefined): boolean {
    if (!candidate) return false;
    for (const secret of this.secrets) if (secretsEqual(candidate, secret)) return true;
    return false;
  }

  /** The session secret a WebSocket handshake offers among its subprotocols. */
  secretFromProtocols(request: IncomingMessage): string | undefined {
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    return offered.find((p) => p.startsWith(SESSION_PROTOCOL_PREFIX))?.slice(SESSION_PROTOCOL_PREFIX.length);
  }

  /** Signs one browser out: its secret and its cookie stop working. */
  endSession(request: IncomingMessage, secret: string): boolean {
    if (!this.secretValid(secret)) return false;
    for (const known of this.secrets) if (secretsEqual(secret, known)) this.secrets.delete(known);
    const value = parseCookies(request.headers.cookie).get(this.cookieName);
    if (value !== undefined) this.cookies.delete(value);
    return true;
  }

  #cookieOf(request: IncomingMessage): CookieSession | undefined {
    const value = parseCookies(request.headers.cookie).get(this.cookieName);
    return value === undefined ? undefined : this.cookies.get(value);
  }
}
