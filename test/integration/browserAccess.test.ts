// Findings 1 and 2 of the hardening review: a cookie seen by another local port opens nothing, the
// system browser is handed a one-time code (never the key), and sessions end on sign-out and restart.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserServer, type BrowserServer } from '../../electron/core/browserMode/server.ts';
import { SocketHub } from '../../electron/core/browserMode/socketHub.ts';
import type { Dispatcher } from '../../electron/core/browserMode/wireSocket.ts';
import { WIRE_PATH } from '../../shared/wire.ts';

const services: Dispatcher = { dispatch: async () => ({ ok: true, value: 'answered' }) };

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let root: string;
let server: BrowserServer;
let clock = 0;

function http(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the WebSocket; resolves with the HTTP status of a refusal, or 101 and the answer to one call. */
function tryWire(port: number, options: { cookie?: string; protocols?: string[] }): Promise<{ status: number; answer?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = options.cookie ? { Cookie: options.cookie } : {};
    const ws = new WebSocket(`ws://127.0.0.1:${port}${WIRE_PATH}`, options.protocols ?? [], { headers, origin: `http://127.0.0.1:${port}` });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve({ status: res.statusCode ?? 0 });
    });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'settings:get' })));
    ws.on('message', (data) => {
      ws.close();
      resolve({ status: 101, answer: String(data) });
    });
    ws.on('error', (error) => {
      if (ws.readyState !== WebSocket.CLOSED && ws.readyState !== WebSocket.CLOSING) reject(error);
    });
  });
}

const protocolsFor = (secret: string): string[] => ['parley', `parley-session.${secret}`];

async function signIn(port: number, path: string): Promise<{ cookie: string; secret: string }> {
  const opened = await http(port, path);
  expect(opened.status).toBe(303);
  const cookie = (opened.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
  const exchanged = await http(port, '/api/session', { Cookie: cookie, Origin: `http://127.0.0.1:${port}` }, 'POST');
  expect(exchanged.status).toBe(200);
  return { cookie, secret: (JSON.parse(exchanged.body) as { secret: string }).secret };
}

async function start(): Promise<BrowserServer> {
  return startBrowserServer({ services, hub: new SocketHub(), staticDir: join(root, 'renderer'), port: 0, timings: { now: () => clock } });
}

beforeEach(async () => {
  clock = 1_000_000;
  root = mkdtempSync(join(tmpdir(), 'parley-access-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
  server = await start();
});

afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('finding 1: the cookie alone opens nothing', () => {
  it('refuses the WebSocket to the cookie without the session secret, and lets cookie + secret through', async () => {
    const { cookie, secret } = await signIn(server.port, `/?key=${server.accessKey}`);
    expect(await tryWire(server.port, { cookie })).toEqual({ status: 401 });
    expect(await tryWire(server.port, { cookie, protocols: ['parley'] })).toEqual({ status: 401 });
    expect(await tryWire(server.port, { cookie, protocols: protocolsFor('forged') })).toEqual({ status: 401 });
    expect(await tryWire(server.port, { protocols: protocolsFor(secret) })).toEqual({ status: 401 });
    const ok = await tryWire(server.port, { cookie, protocols: protocolsFor(secret) });
    expect(ok.status).toBe(101);
    expect(ok.answer).toContain('answered');
  });

  it('hands out the secret for a cookie once: a copy of the cookie read later by another port gets nothing', async () => {
    const opened = await http(server.port, `/?key=${server.accessKey}`);
    const cookie = (opened.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
    const origin = `http://127.0.0.1:${server.port}`;
    const secretOf = async (c: string): Promise<unknown> => JSON.parse((await http(server.port, '/api/session', { Cookie: c, Origin: origin }, 'POST')).body).secret;
    expect(await secretOf(cookie)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await secretOf(cookie)).toBeNull();
    expect(await secretOf('parley_session_1=forged')).toBeNull();
    // A cookie nobody exchanged in time is not exchanged later either.
    const late = await http(server.port, `/?key=${server.accessKey}`);
    const lateCookie = (late.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
    clock += 61_000;
    expect(await secretOf(lateCookie)).toBeNull();
    // And no exchange from a foreign Origin.
    const third = await http(server.port, `/?key=${server.accessKey}`);
    const thirdCookie = (third.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
    expect((await http(server.port, '/api/session', { Cookie: thirdCookie, Origin: 'http://127.0.0.1:1' }, 'POST')).status).toBe(403);
  });
});

describe('finding 2: no reusable secret in process arguments or history, and sessions that end', () => {
  it('gives the system browser a one-time code that works once, within seconds, and is not the key', async () => {
    const launch = server.launchUrl();
    expect(launch).not.toContain(server.accessKey);
    const path = new URL(launch).pathname + new URL(launch).search;
    const first = await http(server.port, path);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect((await http(server.port, path)).status).toBe(403);

    const slow = server.launchUrl();
    clock += 31_000;
    expect((await http(server.port, new URL(slow).pathname + new URL(slow).search)).status).toBe(403);
  });

  it('signs one browser out: its secret and cookie stop working, its open socket closes, others stay', async () => {
    const mine = await signIn(server.port, `/?key=${server.accessKey}`);
    const other = await signIn(server.port, `/?key=${server.accessKey}`);
    const origin = `http://127.0.0.1:${server.port}`;
    const open = new WebSocket(`ws://127.0.0.1:${server.port}${WIRE_PATH}`, protocolsFor(mine.secret), { headers: { Cookie: mine.cookie }, origin });
    await new Promise((resolve) => open.once('open', resolve));
    const closed = new Promise<number>((resolve) => open.once('close', resolve));

    expect((await http(server.port, '/api/signout', { Cookie: mine.cookie, Origin: origin, 'X-Parley-Session': 'wrong' }, 'POST')).status).toBe(401);
    const out = await http(server.port, '/api/signout', { Cookie: mine.cookie, Origin: origin, 'X-Parley-Session': mine.secret }, 'POST');
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']?.[0]).toContain('Max-Age=0');
    expect(await closed).toBe(4401);
    expect(await tryWire(server.port, { cookie: mine.cookie, protocols: protocolsFor(mine.secret) })).toEqual({ status: 401 });
    expect((await http(server.port, '/', { Cookie: mine.cookie })).status).toBe(401);
    expect((await tryWire(server.port, { cookie: other.cookie, protocols: protocolsFor(other.secret) })).status).toBe(101);
  });

  it('forgets every session when the server restarts', async () => {
    const before = await signIn(server.port, `/?key=${server.accessKey}`);
    const port = server.port;
    await server.close();
    server = await startBrowserServer({ services, hub: new SocketHub(), staticDir: join(root, 'renderer'), port });
    expect((await http(port, '/', { Cookie: before.cookie })).status).toBe(401);
    expect(await tryWire(port, { cookie: before.cookie, protocols: protocolsFor(before.secret) })).toEqual({ status: 401 });
    expect((await http(port, `/?key=${before.secret}`)).status).toBe(403);
  });
});
