import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserServer, type BrowserServer } from '../../electron/core/browserMode/server.ts';
import { SocketHub } from '../../electron/core/browserMode/socketHub.ts';
import type { Dispatcher } from '../../electron/core/browserMode/wireSocket.ts';
import type { Result } from '../../shared/errors.ts';
import { ServerMessageSchema, WIRE_PATH, type ServerMessage } from '../../shared/wire.ts';

// Stand-in services: only the transport is under test here.
const calls: Array<{ channel: string; input: unknown }> = [];
const services: Dispatcher = {
  async dispatch(channel, input): Promise<Result<unknown>> {
    calls.push({ channel, input });
    if (channel === 'explode') throw new Error('kaboom');
    if (channel === 'settings:get') return { ok: true, value: { echo: input ?? null } };
    return { ok: false, error: { code: 'invalid_input', message: `Unknown call "${channel}".` } };
  },
};

let root: string;
let staticDir: string;
let hub: SocketHub;
let server: BrowserServer;
let base: string;
let cookie: string;
let secret: string;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: fetch may not set Host, and the Host check is under test. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Opened = { ws: WebSocket; messages: ServerMessage[]; next(): Promise<ServerMessage>; closed: Promise<number> };

function connect(options: { cookie?: string; origin?: string; path?: string; host?: string; protocols?: string[] }): Promise<Opened | { refused: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.Cookie = options.cookie;
    if (options.host) headers.Host = options.host;
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? WIRE_PATH}`, options.protocols ?? [], {
      headers,
      origin: options.origin ?? base,
    });
    const messages: ServerMessage[] = [];
    const waiters: Array<(m: ServerMessage) => void> = [];
    ws.on('message', (data) => {
      const message = ServerMessageSchema.parse(JSON.parse(String(data)));
      const waiter = waiters.shift();
      if (waiter) waiter(message);
      else messages.push(message);
    });
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    ws.on('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.on('error', (error) => {
      if (ws.readyState !== WebSocket.CLOSED && ws.readyState !== WebSocket.CLOSING) reject(error);
    });
    ws.on('open', () =>
      resolve({
        ws,
        messages,
        closed,
        next: () => {
          const queued = messages.shift();
          return queued ? Promise.resolve(queued) : new Promise((r) => waiters.push(r));
        },
      }),
    );
  });
}

async function open(options: Parameters<typeof connect>[0] = {}): Promise<Opened> {
  const result = await connect({ cookie, protocols: ['parley', `parley-session.${secret}`], ...options });
  if ('refused' in result) throw new Error(`refused with ${result.refused}`);
  return result;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'parley-serve-'));
  staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Parley</title><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log("parley");');
  writeFileSync(join(staticDir, 'assets', 'app-1234.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the web root');
  hub = new SocketHub();
  server = await startBrowserServer({ services, hub, staticDir, port: 0 });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('browser-mode HTTP access', () => {
  it('prints an address on 127.0.0.1 that carries a long random key', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?key=${server.accessKey}`);
    expect(server.accessKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a request without the key or cookie', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/address printed in the terminal/);
    expect(reply.body).not.toContain('<div id="root">');
    expect((await get('/assets/app-1234.js')).status).toBe(401);
  });

  it('refuses a wrong key and a wrong cookie', async () => {
    expect((await get('/?key=nope')).status).toBe(403);
    expect((await get(`/?key=${server.accessKey}x`)).status).toBe(403);
    expect((await get('/', { Cookie: `parley_session_${server.port}=${server.accessKey}` })).status).toBe(401);
  });

  it('exchanges the right key for an HttpOnly SameSite=Strict cookie and a redirect that drops the key', async () => {
    const reply = await get(`/?key=${server.accessKey}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const setCookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^parley_session_${server.port}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain(server.accessKey);
    cookie = setCookie.split(';')[0] as string;
    const exchanged = await get('/api/session', { Cookie: cookie, Origin: base }, 'POST');
    expect(exchanged.status).toBe(200);
    secret = (JSON.parse(exchanged.body) as { secret: string }).secret;

    const page = await get('/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('serves the renderer’s files with their content types', async () => {
    const js = await get('/assets/app-1234.js', { Cookie: cookie });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("parley");');
    expect((await get('/assets/app-1234.css', { Cookie: cookie })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/assets/missing.js', { Cookie: cookie })).status).toBe(404);
    const head = await get('/index.html', { Cookie: cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get('/', { Cookie: cookie }, 'POST')).status).toBe(405);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/%E0%A4%A'])(
    'never leaves the web root: %s',
    async (path) => {
      const reply = await get(path, { Cookie: cookie });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('outside the web root');
    },
  );

  it('refuses a foreign Host header (DNS rebinding), even with the cookie', async () => {
    const reply = await get('/', { Cookie: cookie, Host: `evil.example:${server.port}` });
    expect(reply.status).toBe(403);
    expect((await get(`/?key=${server.accessKey}`, { Host: 'evil.example' })).status).toBe(403);
    expect((await get('/', { Cookie: cookie, Host: `localhost:${server.port}` })).status).toBe(200);
  });
});

describe('browser-mode WebSocket', () => {
  it('refuses an upgrade without the cookie, with a foreign Origin or Host, or on another path', async () => {
    expect(await connect({})).toEqual({ refused: 401 });
    expect(await connect({ cookie, origin: 'http://evil.example' })).toEqual({ refused: 403 });
    expect(await connect({ cookie, origin: `http://127.0.0.1:${server.port + 1}` })).toEqual({ refused: 403 });
    expect(await connect({ cookie, origin: 'null' })).toEqual({ refused: 403 });
    expect(await connect({ cookie, host: `evil.example:${server.port}` })).toEqual({ refused: 403 });
    expect(await connect({ cookie, path: '/other' })).toEqual({ refused: 404 });
    expect(calls).toEqual([]);
  });

  it('round-trips a call through services.dispatch', async () => {
    const socket = await open();
    socket.ws.send(JSON.stringify({ type: 'call', id: 7, channel: 'settings:get', input: { a: 1 } }));
    expect(await socket.next()).toEqual({ type: 'result', id: 7, result: { ok: true, value: { echo: { a: 1 } } } });
    socket.ws.send(JSON.stringify({ type: 'call', id: 8, channel: 'nope:nope' }));
    expect(await socket.next()).toEqual({
      type: 'result',
      id: 8,
      result: { ok: false, error: { code: 'invalid_input', message: 'Unknown call "nope:nope".' } },
    });
    socket.ws.send(JSON.stringify({ type: 'call', id: 9, channel: 'explode' }));
    expect(await socket.next()).toMatchObject({ type: 'result', id: 9, result: { ok: false, error: { code: 'internal' } } });
    expect(calls.map((c) => c.channel)).toEqual(['settings:get', 'nope:nope', 'explode']);
    socket.ws.close();
  });

  it('accepts the key instead of the cookie (and from localhost)', async () => {
    const socket = await open({ cookie: '', protocols: [], path: `${WIRE_PATH}?key=${server.accessKey}`, origin: `http://localhost:${server.port}` });
    socket.ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'settings:get' }));
    expect(await socket.next()).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
    socket.ws.close();
  });

  it('broadcasts events to every connected socket', async () => {
    const first = await open();
    const second = await open();
    hub.emit('conversations:changed', { conversationId: 'c-1' });
    const expected = { type: 'event', channel: 'conversations:changed', payload: { conversationId: 'c-1' } };
    expect(await first.next()).toEqual(expected);
    expect(await second.next()).toEqual(expected);
    first.ws.close();
    second.ws.close();
  });

  it.each([
    ['text that is not JSON', 'this is not json'],
    ['JSON of the wrong shape', JSON.stringify({ type: 'call', id: -1, channel: 'settings:get' })],
    ['an unknown message type', JSON.stringify({ type: 'hello' })],
    ['a bare number', '42'],
  ])('closes the socket with 1008 on %s and keeps serving others', async (_name, payload) => {
    const bad = await open();
    bad.ws.send(payload);
    expect(await bad.closed).toBe(1008);
    const good = await open();
    good.ws.send(JSON.stringify({ type: 'call', id: 2, channel: 'settings:get' }));
    expect(await good.next()).toMatchObject({ id: 2, result: { ok: true } });
    good.ws.close();
  });

  it('closes the socket with 1008 on a binary frame', async () => {
    const bad = await open();
    bad.ws.send(Buffer.from([1, 2, 3]));
    expect(await bad.closed).toBe(1008);
  });
});
