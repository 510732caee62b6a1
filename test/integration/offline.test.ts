import fs from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connectivity } from '../../shared/contract/connectivity.ts';
import type { SearchPage } from '../../shared/contract/conversations.ts';
import type { CallOutput, EventChannel, EventPayload } from '../../shared/contract/index.ts';
import type { Conversation } from '../../shared/domain.ts';
import type { Result } from '../../shared/errors.ts';
import { ConnectivityMonitor } from '../../electron/core/connectivity/ConnectivityMonitor.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

const TOKEN = 'sk-offline-test-token';

/** Records app:connectivity events and lets a test wait for the next one that matches. */
class Events {
  readonly connectivity: Connectivity[] = [];
  readonly chat: unknown[] = [];
  readonly #wakers = new Set<() => void>();
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    if (channel === 'app:connectivity') this.connectivity.push(payload as Connectivity);
    if (channel === 'chat:event') this.chat.push(payload);
    for (const wake of this.#wakers) wake();
  }
  waitFor(online: boolean): Promise<Connectivity> {
    return new Promise((resolve) => {
      const check = (): void => {
        const found = this.connectivity.find((c) => c.online === online);
        if (!found) return;
        this.#wakers.delete(check);
        resolve(found);
      };
      this.#wakers.add(check);
      check();
    });
  }
}

let provider: FakeProvider;
let events: Events;
let silent: Server | undefined;
let monitor: ConnectivityMonitor | undefined;

/** A base URL where nothing listens. */
async function deadBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

/** A base URL that accepts connections and never answers. */
async function silentBaseUrl(): Promise<string> {
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(silent.address() as { port: number }).port}/v1`;
}

beforeEach(async () => {
  provider = await startFakeProvider();
  events = new Events();
});

afterEach(async () => {
  monitor?.close();
  monitor = undefined;
  await provider.close();
  silent?.close();
  silent = undefined;
});

function watch(target: () => { baseUrl: string; token?: string }, timeoutMs = 2000): ConnectivityMonitor {
  monitor = new ConnectivityMonitor({
    events,
    getTarget: async () => ({ token: undefined, ...target() }),
    timeoutMs,
    retryInitialMs: 50,
    retryMaxMs: 200,
  });
  return monitor;
}

describe('connectivity', () => {
  it('is online when the provider answers GET /models, sent with the token', async () => {
    const state = await watch(() => ({ baseUrl: provider.baseUrl, token: TOKEN })).current();
    expect(state).toMatchObject({ online: true });
    expect(state.error).toBeUndefined();
    expect(provider.requests.map((r) => [r.method, r.path, r.headers['authorization']])).toEqual([['GET', '/v1/models', `Bearer ${TOKEN}`]]);
    expect(events.connectivity).toEqual([state]);
    // A fresh answer is reused; recheck asks again.
    await monitor!.current();
    expect(provider.requests).toHaveLength(1);
    await monitor!.current(true);
    expect(provider.requests).toHaveLength(2);
  });

  it('counts any HTTP answer, even an error page, as reachable', async () => {
    const state = await watch(() => ({ baseUrl: `${provider.baseUrl}/wrong/path` })).current();
    expect(state.online).toBe(true);
  });

  it('is offline when the connection is refused, or nothing answers in time', async () => {
    const dead = await deadBaseUrl();
    const down = await watch(() => ({ baseUrl: dead })).current(true);
    expect(down).toMatchObject({ online: false, error: { code: 'network' } });
    monitor!.close();
    const quiet = await silentBaseUrl();
    const hung = await watch(() => ({ baseUrl: quiet }), 300).current(true);
    expect(hung).toMatchObject({ online: false, error: { code: 'timeout' } });
  });

  it('checks again with backoff while offline and says when the provider is back', async () => {
    let baseUrl = await deadBaseUrl();
    const offline = await watch(() => ({ baseUrl })).current();
    expect(offline.online).toBe(false);
    baseUrl = provider.baseUrl;
    const back = await events.waitFor(true);
    expect(back.online).toBe(true);
    expect(events.connectivity.map((c) => c.online)).toEqual([false, true]);
  });
});

describe('offline use', () => {
  let dir: string;
  let services: Services;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-offline-'));
    services = await createServices({
      mode: 'browser',
      dataDir: dir,
      version: '0.0.0-test',
      env: { PARLEY_API_BASE_URL: await deadBaseUrl(), PARLEY_API_TOKEN: TOKEN },
      settingsBackend: createConfBackend,
      keychain: () => Promise.reject(new Error('no keychain in this test')),
      events,
    });
  });

  afterEach(async () => {
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function call<T>(channel: string, input?: unknown): Promise<T> {
    const result: Result<unknown> = await services.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  }

  it('notices a failed reply, and keeps everything saved browsable, searchable and drafts writable', async () => {
    const sent = await call<CallOutput<'chat:send'>>('chat:send', { text: 'written while the train is in a tunnel' });
    const offline = await events.waitFor(false);
    expect(offline.error?.code).toBe('network');
    expect(await call<Connectivity>('app:connectivity')).toMatchObject({ online: false });

    const saved = await call<Conversation>('conversations:get', { id: sent.conversationId });
    expect(saved.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'error'],
    ]);
    expect(saved.messages[1]!.error?.code).toBe('network');
    expect((await call<unknown[]>('conversations:list')).length).toBe(1);
    expect((await call<SearchPage>('conversations:search', { query: 'tunnel' })).results.map((r) => r.messageId)).toEqual([sent.userMessage.id]);
    await call('drafts:set', { conversationId: sent.conversationId, text: 'to send when back online' });
    expect((await call<{ text: string }>('drafts:get', { conversationId: sent.conversationId })).text).toBe('to send when back online');
  });
});
