import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserServer, type BrowserServer } from '../../electron/core/browserMode/server.ts';
import { SocketHub } from '../../electron/core/browserMode/socketHub.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { ServerMessageSchema, WIRE_PATH, type ServerMessage } from '../../shared/wire.ts';

// The real composition root behind the real server: the path `npm run serve` takes.
let dataDir: string;
let services: Services;
let server: BrowserServer;
let ws: WebSocket;
const inbox: ServerMessage[] = [];
const waiting: Array<(m: ServerMessage) => void> = [];
let nextId = 1;

function call(channel: string, input?: unknown): Promise<ServerMessage> {
  const id = nextId++;
  ws.send(JSON.stringify({ type: 'call', id, channel, input }));
  return new Promise((resolve) => {
    const check = (message: ServerMessage): boolean => {
      if (message.type === 'result' && message.id === id) {
        resolve(message);
        return true;
      }
      return false;
    };
    const queued = inbox.findIndex((m) => m.type === 'result' && m.id === id);
    if (queued >= 0) check(inbox.splice(queued, 1)[0] as ServerMessage);
    else waiting.push((m) => void check(m));
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-serve-real-'));
  const hub = new SocketHub();
  services = await createServices({
    mode: 'browser',
    dataDir,
    version: '0.0.0-test',
    env: {},
    settingsBackend: createConfBackend,
    // The keychain edge is covered in vault.test.ts; here it is simply absent.
    keychain: () => Promise.reject(new Error('no keychain in this test')),
    events: hub,
  });
  server = await startBrowserServer({ services, hub, staticDir: join(dataDir, 'no-renderer'), port: 0 });
  ws = new WebSocket(`ws://127.0.0.1:${server.port}${WIRE_PATH}?key=${server.accessKey}`, { origin: `http://127.0.0.1:${server.port}` });
  ws.on('message', (data) => {
    const message = ServerMessageSchema.parse(JSON.parse(String(data)));
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
});

afterAll(async () => {
  ws?.close();
  await server?.close();
  await services?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('browser mode with the real services', () => {
  it('answers app:info in browser mode with the data folder', async () => {
    const reply = await call('app:info');
    expect(reply).toMatchObject({ type: 'result', result: { ok: true, value: { name: 'Parley', mode: 'browser', dataDir } } });
  });

  it('reads and writes settings into <dataDir>/settings.json', async () => {
    expect(await call('settings:update', { model: 'from-the-browser', topP: 0.4 })).toMatchObject({
      result: { ok: true, value: { settings: { model: 'from-the-browser', topP: 0.4 } } },
    });
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ model: 'from-the-browser', topP: 0.4 });
    expect(await call('settings:update', { topP: 7 })).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
  });

  it('keeps a token for the session when the keychain is unavailable', async () => {
    const refused = await call('auth:setToken', { token: 'sk-browser', storage: 'keychain' });
    expect(refused).toMatchObject({ result: { ok: false, error: { code: 'keychain_unavailable' } } });
    expect(await call('auth:setToken', { token: 'sk-browser', storage: 'session' })).toMatchObject({
      result: { ok: true, value: { hasToken: true, source: 'session', keychain: { available: false } } },
    });
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).not.toContain('sk-browser');
  });

  it('refuses input the contract rejects, without closing the socket', async () => {
    expect(await call('conversations:get', { id: '' })).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
    expect(await call('no:such')).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });
});
