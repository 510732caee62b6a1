// Playwright fixture: a fake provider plus the built browser-mode server (out/main/serve.js) per test.
import AxeBuilder from '@axe-core/playwright';
import { test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { WebSocket } from 'ws';
import type { Result } from '../../shared/errors.ts';
import { ServerMessageSchema, WIRE_PATH } from '../../shared/wire.ts';
import { startFakeProvider, type FakeProvider } from './fakeProvider.ts';

const root = join(import.meta.dirname, '..', '..');
export const SERVE_SCRIPT = join(root, 'out', 'main', 'serve.js');
export const TEST_TOKEN = 'test-token';
const START_TIMEOUT_MS = 20_000;

export interface ServerOptions {
  /** Give the server PARLEY_API_TOKEN; false starts on the first-run screen. */
  token: boolean;
  /** Files to write into the data folder before the server starts (name → content). */
  dataFiles?: Record<string, string>;
  /** The provider address the server uses instead of the fake's (a closed port: offline). */
  baseUrl?: string;
}

/** A provider address where nothing listens (port 9, discard: no test machine serves it): offline. */
export const UNREACHABLE_BASE_URL = 'http://127.0.0.1:9/v1';

export interface ParleyServer {
  /** The address to open, with its access key; changes on restart. */
  readonly url: string;
  readonly dataDir: string;
  readonly fake: FakeProvider;
  /** Stops the server (SIGKILL: as if it crashed) and starts a new one on the same data folder;
   *  `change.baseUrl` points it (and later restarts) at another provider address. */
  restart(signal?: 'SIGTERM' | 'SIGKILL', change?: { baseUrl?: string }): Promise<string>;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
}

/** The environment for the server: the test's provider and token, and no route to the user's keyring. */
function serverEnv(fake: FakeProvider, options: ServerOptions, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PARLEY_API_BASE_URL: options.baseUrl ?? fake.baseUrl, XDG_CONFIG_HOME: join(home, 'config') };
  // Never the developer's own keychain entry: each test server gets its own service name.
  env.PARLEY_KEYCHAIN_SERVICE = `Parley-test-${randomUUID()}`;
  delete env.PARLEY_API_TOKEN;
  if (options.token) env.PARLEY_API_TOKEN = TEST_TOKEN;
  // A token saved during a test must never land in the developer's own keyring: on Linux the
  // keychain is reachable only inside scripts/with-keyring.sh's throwaway one.
  if (process.platform === 'linux' && !process.env.PARLEY_KEYRING_READY) delete env.DBUS_SESSION_BUS_ADDRESS;
  return env;
}

/** Spawns serve.js and resolves with the address it prints. */
function spawnServe(dataDir: string, env: NodeJS.ProcessEnv, log: (text: string) => void): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SERVE_SCRIPT, '--port', '0', '--no-open', '--data-dir', dataDir], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (data: Buffer) => log(data.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve.js printed no address within ${START_TIMEOUT_MS} ms.`));
    }, START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log(`${line}\n`);
      if (line.startsWith('http://127.0.0.1:')) {
        clearTimeout(timer);
        resolve({ child, url: line.trim() });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serve.js exited (${code ?? signal}) before printing its address.`));
    });
  });
}

async function stopProcess(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startParleyServer(options: ServerOptions): Promise<{ server: ParleyServer; stop(): Promise<void> }> {
  const fake = await startFakeProvider();
  const home = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const dataDir = join(home, 'data');
  mkdirSync(dataDir, { recursive: true });
  for (const [name, content] of Object.entries(options.dataFiles ?? {})) writeFileSync(join(dataDir, name), content);
  const env = serverEnv(fake, options, home);
  let output = '';
  const log = (text: string) => (output += text);
  let child: ChildProcess | undefined;
  let url = '';

  const start = async () => {
    try {
      ({ child, url } = await spawnServe(dataDir, env, log));
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- serve.js output ---\n${output}`, { cause: error });
    }
    return url;
  };
  const stop = async () => {
    if (child) await stopProcess(child);
    await fake.close();
    rmSync(home, { recursive: true, force: true });
  };

  try {
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  const server: ParleyServer = {
    get url() {
      return url;
    },
    dataDir,
    fake,
    output: () => output,
    async restart(signal = 'SIGTERM', change = {}) {
      if (child) await stopProcess(child, signal);
      if (change.baseUrl) env.PARLEY_API_BASE_URL = change.baseUrl;
      log(`--- restarted after ${signal} ---\n`);
      return start();
    },
  };
  return { server, stop };
}

/** One call straight to a running server, as a page would make it (the access key stands in for the cookie). */
export function callParley(serverUrl: string, channel: string, input?: unknown): Promise<Result<unknown>> {
  const address = new URL(serverUrl);
  const key = address.searchParams.get('key') ?? '';
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://${address.host}${WIRE_PATH}?key=${encodeURIComponent(key)}`, { origin: address.origin });
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`${channel}: no answer from the server.`));
    }, 5_000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'call', id: 1, channel, input })));
    socket.on('message', (data) => {
      const message = ServerMessageSchema.parse(JSON.parse(String(data)));
      if (message.type !== 'result') return;
      clearTimeout(timer);
      socket.close();
      resolve(message.result);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export const test = base.extend<{ serverOptions: ServerOptions; parley: ParleyServer }>({
  serverOptions: [{ token: true }, { option: true }],
  parley: async ({ serverOptions }, use, testInfo) => {
    const { server, stop } = await startParleyServer(serverOptions);
    try {
      await use(server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('serve.js output', { body: server.output() });
      // A token saved to a (throwaway) keychain outlives the server: forget it so the next test starts clean.
      if (!serverOptions.token) await callParley(server.url, 'auth:clearToken').catch(() => undefined);
      await stop();
    }
  },
});

export { expect } from '@playwright/test';

/** axe's serious and critical findings on the page as it is now, in light and dark, short enough
 *  to read in a failure message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      found.push(`${colorScheme}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.html).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}
