// The built browser-mode server (out/main/serve.js, `npm run build` first) as a child process, and a
// WebSocket client that talks to it the way the page does: key → cookie → session secret → /ws.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';
import type { Result } from '../../shared/errors.ts';
import { ServerMessageSchema, WIRE_PATH } from '../../shared/wire.ts';

const root = join(import.meta.dirname, '..', '..');
export const SERVE_SCRIPT = join(root, 'out', 'main', 'serve.js');
const START_TIMEOUT_MS = 20_000;

export interface ServeProcess {
  /** The address it printed, with its access key. */
  readonly url: string;
  readonly pid: number;
  output(): string;
  /** Stops it (SIGKILL: as if it crashed) and waits until it is gone. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** The environment for a server against a test provider: no route to the developer's keyring. */
export function serveEnv(options: { baseUrl: string; token?: string; home: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PARLEY_API_BASE_URL: options.baseUrl, XDG_CONFIG_HOME: join(options.home, 'config') };
  delete env.PARLEY_API_TOKEN;
  if (options.token) env.PARLEY_API_TOKEN = options.token;
  if (process.platform === 'linux' && !process.env.PARLEY_KEYRING_READY) delete env.DBUS_SESSION_BUS_ADDRESS;
  return env;
}

export async function startServe(dataDir: string, env: NodeJS.ProcessEnv, options: { open?: boolean } = {}): Promise<ServeProcess> {
  if (!existsSync(SERVE_SCRIPT)) throw new Error(`${SERVE_SCRIPT} is missing: run \`npm run build\` first.`);
  let output = '';
  const args = [SERVE_SCRIPT, '--port', '0', ...(options.open ? [] : ['--no-open']), '--data-dir', dataDir];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (data: Buffer) => (output += data.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve.js printed no address within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      if (line.startsWith('http://127.0.0.1:')) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serve.js exited (${code ?? signal}) before printing its address:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Opens the printed address like a browser: the key is swapped for a session cookie. */
function sessionCookie(serverUrl: string): Promise<string> {
  const address = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: address.hostname, port: address.port, path: `${address.pathname}${address.search}` }, (res) => {
      res.resume();
      const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
      if (res.statusCode === 303 && cookie) resolve(cookie);
      else reject(new Error(`expected a 303 with a cookie, got ${res.statusCode}`));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface ServerEvent {
  channel: string;
  payload: unknown;
}

export interface WireClient {
  call(channel: string, input?: unknown): Promise<Result<unknown>>;
  /** Calls and throws unless the result is ok. */
  value<T>(channel: string, input?: unknown): Promise<T>;
  readonly events: ServerEvent[];
  waitForEvent(match: (event: ServerEvent) => boolean, timeoutMs?: number): Promise<ServerEvent>;
  close(): void;
}

/** What the page does next: the fresh cookie, once, for the session secret the handshake must carry. */
function sessionSecret(serverUrl: string, cookie: string): Promise<string> {
  const address = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: address.hostname, port: address.port, path: '/api/session', method: 'POST', headers: { Cookie: cookie, Origin: address.origin } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          const secret = res.statusCode === 200 ? (JSON.parse(body) as { secret: unknown }).secret : undefined;
          if (typeof secret === 'string') resolve(secret);
          else reject(new Error(`expected the session secret, got ${res.statusCode} ${body}`));
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export async function connectClient(serverUrl: string): Promise<WireClient> {
  const cookie = await sessionCookie(serverUrl);
  const secret = await sessionSecret(serverUrl, cookie);
  const { host, origin } = new URL(serverUrl);
  const socket = new WebSocket(`ws://${host}${WIRE_PATH}`, ['parley', `parley-session.${secret}`], { headers: { Cookie: cookie }, origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const events: ServerEvent[] = [];
  const wakers = new Set<() => void>();
  socket.on('message', (data) => {
    const message = ServerMessageSchema.parse(JSON.parse(String(data)));
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      events.push({ channel: message.channel, payload: message.payload });
      for (const wake of wakers) wake();
    }
  });
  let nextId = 1;
  const call = (channel: string, input?: unknown): Promise<Result<unknown>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`${channel}: no answer`)), 10_000);
      pending.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      socket.send(JSON.stringify({ type: 'call', id, channel, input }));
    });
  return {
    call,
    async value<T>(channel: string, input?: unknown): Promise<T> {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
    events,
    waitForEvent(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = events.find(match);
          if (!found) return false;
          wakers.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          wakers.delete(check);
          reject(new Error('the expected event did not come'));
        }, timeoutMs);
        if (!check()) wakers.add(check);
      });
    },
    close: () => socket.close(),
  };
}
