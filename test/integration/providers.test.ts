import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../shared/contract/auth.ts';
import type { CallOutput } from '../../shared/contract/index.ts';
import type { ProviderList, ProviderView } from '../../shared/contract/providers.ts';
import type { Conversation } from '../../shared/domain.ts';
import type { AppError } from '../../shared/errors.ts';
import { DEFAULT_BASE_URL, type SettingsView } from '../../shared/settings.ts';
import type { Services } from '../../electron/core/services.ts';
import { randomUUID } from 'node:crypto';
import { loadKeytar, type Keychain } from '../../electron/core/vault/keychain.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';
import { openServices, type ServicesHarness } from '../support/chatHarness.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

// Several saved providers, each with its token under its own keychain entry. The keychain here is
// one in memory with keytar's shape (vault.test.ts covers the real one).

const SERVICE = 'Parley';
let root: string;
let first: FakeProvider;
let second: FakeProvider;
let entries: Map<string, string>;
const opened: Services[] = [];

const keychain = (): Keychain => ({
  getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
  setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
  deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
});

interface Api extends ServicesHarness {
  /** The error event of a reply that failed, or undefined when it completed. */
  failure(streamId: string): AppError | undefined;
}

async function open(env: NodeJS.ProcessEnv = {}, settings?: Record<string, unknown>, loadKeychain = async () => keychain()): Promise<Api> {
  const dataDir = path.join(root, 'data');
  if (settings) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
  }
  const api = await openServices({ dataDir, env, keychain: loadKeychain });
  opened.push(api.services);
  return {
    ...api,
    failure(streamId) {
      const event = api.events.ended(streamId);
      return event?.type === 'error' ? event.error : undefined;
    },
  };
}

beforeEach(async () => {
  root = makeTempDir('providers');
  first = await startFakeProvider();
  second = await startFakeProvider();
  entries = new Map();
});

afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
  await first.close();
  await second.close();
  removeTempDir(root);
});

type Sent = CallOutput<'chat:send'>;
const auth = (fake: FakeProvider): string | undefined => fake.requests.filter((r) => r.method === 'POST').at(-1)?.headers['authorization'];

describe('providers', () => {
  it('starts with one provider made from the base URL, whose token is the one Parley always kept', async () => {
    const fresh = await open();
    expect(await fresh.call<ProviderList>('providers:list')).toEqual({
      defaultProviderId: 'default',
      providers: [
        { id: 'default', name: 'evolink.ai', baseUrl: DEFAULT_BASE_URL, effectiveBaseUrl: DEFAULT_BASE_URL, isDefault: true, hasToken: false, tokenSource: 'none' },
      ],
    });
    await opened.pop()!.close();
    fs.rmSync(path.join(root, 'data'), { recursive: true, force: true });

    entries.set(`${SERVICE}/api-token`, 'sk-kept-from-before');
    const api = await open({}, { apiBaseUrl: first.baseUrl, model: 'gpt-5.2' });
    const { providers } = await api.call<ProviderList>('providers:list');
    expect(providers).toEqual([expect.objectContaining({ id: 'default', name: new URL(first.baseUrl).host, baseUrl: first.baseUrl, hasToken: true, tokenSource: 'keychain' })]);
    await api.call<Sent>('chat:send', { text: 'Still works' });
    expect(auth(first)).toBe('Bearer sk-kept-from-before');
  });

  it('keeps each provider’s token under its own keychain entry and sends each conversation to its provider', async () => {
    const api = await open({}, { apiBaseUrl: first.baseUrl });
    await api.call('auth:setToken', { token: 'sk-first' });
    const saved = await api.call<ProviderView>('providers:save', { name: 'Second', baseUrl: second.baseUrl });
    expect(saved).toMatchObject({ name: 'Second', baseUrl: second.baseUrl, isDefault: false, hasToken: false });
    expect(await api.call<AuthStatus>('auth:setToken', { token: 'sk-second', providerId: saved.id })).toMatchObject({ hasToken: true, source: 'keychain' });
    expect(entries.get(`${SERVICE}/provider:${saved.id}`)).toBe('sk-second');
    expect(entries.get(`${SERVICE}/api-token`)).toBe('sk-first');
    expect(await api.call<AuthStatus>('auth:status', { providerId: saved.id })).toMatchObject({ hasToken: true });

    const a = await api.call<Sent>('chat:send', { text: 'To the default' });
    expect(auth(first)).toBe('Bearer sk-first');
    const b = await api.call<Sent>('chat:send', { text: 'To the second' });
    await api.call('conversations:updateSettings', { id: b.conversationId, providerId: saved.id });
    await api.call<Sent>('chat:send', { conversationId: b.conversationId, text: 'Now elsewhere' });
    expect(second.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(auth(second)).toBe('Bearer sk-second');
    await api.call<Sent>('chat:send', { conversationId: a.conversationId, text: 'Still the default' });
    expect(first.requests.filter((r) => r.method === 'POST')).toHaveLength(3);

    // Renaming and moving it keeps its token.
    await api.call('providers:save', { id: saved.id, name: 'Renamed', baseUrl: `${second.baseUrl}/` });
    expect((await api.call<ProviderList>('providers:list')).providers[1]).toMatchObject({ name: 'Renamed', hasToken: true });

    // Deleting it takes its token along; its conversations go to the default provider again.
    expect(await api.refused('providers:delete', { id: 'default' })).toMatchObject({ code: 'invalid_input' });
    expect((await api.call<ProviderList>('providers:delete', { id: saved.id })).providers.map((p) => p.id)).toEqual(['default']);
    expect(entries.has(`${SERVICE}/provider:${saved.id}`)).toBe(false);
    await api.call<Sent>('chat:send', { conversationId: b.conversationId, text: 'Back home' });
    expect(first.requests.filter((r) => r.method === 'POST')).toHaveLength(4);
    expect(await api.refused('auth:setToken', { token: 'sk-x', providerId: saved.id })).toMatchObject({ code: 'not_found_local' });
  });

  it('makes another provider the default, and apiBaseUrl follows the default provider', async () => {
    const api = await open({}, { apiBaseUrl: first.baseUrl });
    const other = await api.call<ProviderView>('providers:save', { name: 'Other', baseUrl: second.baseUrl });
    await api.call('auth:setToken', { token: 'sk-other', providerId: other.id, storage: 'session' });
    const list = await api.call<ProviderList>('providers:setDefault', { id: other.id });
    expect(list.defaultProviderId).toBe(other.id);
    expect(list.providers.map((p) => [p.id, p.isDefault])).toEqual([['default', false], [other.id, true]]);
    expect((await api.call<SettingsView>('settings:get')).settings.apiBaseUrl).toBe(second.baseUrl);
    expect(await api.call<AuthStatus>('auth:status')).toMatchObject({ hasToken: true, source: 'session' });

    await api.call<Sent>('chat:send', { text: 'Via the new default' });
    expect(auth(second)).toBe('Bearer sk-other');

    // The settings screen's base URL field edits the default provider.
    const moved = `${second.baseUrl}/`;
    await api.call('settings:update', { apiBaseUrl: moved });
    expect((await api.call<ProviderList>('providers:list')).providers[1]).toMatchObject({ id: other.id, baseUrl: moved });
    expect(await api.refused('providers:setDefault', { id: 'nope' })).toMatchObject({ code: 'not_found_local' });
    expect(await api.refused('providers:save', { name: 'Bad', baseUrl: 'ftp://example.com' })).toMatchObject({ code: 'invalid_input' });
  });

  it('lets PARLEY_API_BASE_URL and PARLEY_API_TOKEN stand in for the default provider only', async () => {
    const api = await open({ PARLEY_API_BASE_URL: first.baseUrl, PARLEY_API_TOKEN: 'sk-from-env' }, { apiBaseUrl: 'https://api.example.com/v1' });
    const other = await api.call<ProviderView>('providers:save', { name: 'Other', baseUrl: second.baseUrl });
    const { providers } = await api.call<ProviderList>('providers:list');
    expect(providers[0]).toMatchObject({ baseUrl: 'https://api.example.com/v1', effectiveBaseUrl: first.baseUrl, tokenSource: 'env' });
    expect(providers[1]).toMatchObject({ effectiveBaseUrl: second.baseUrl, hasToken: false, tokenSource: 'none' });

    await api.call<Sent>('chat:send', { text: 'Default' });
    expect(auth(first)).toBe('Bearer sk-from-env');
    const c = await api.call<Conversation>('conversations:create');
    await api.call('conversations:updateSettings', { id: c.id, providerId: other.id });
    // The environment's token never goes to another host.
    expect(await api.refused('chat:send', { conversationId: c.id, text: 'Other' })).toMatchObject({ code: 'token_missing', providerId: other.id });
    expect(second.requests).toHaveLength(0);
  });
});

describe('errors name the provider', () => {
  it('says which provider refused the token', async () => {
    const api = await open({}, { apiBaseUrl: first.baseUrl });
    await api.call('auth:setToken', { token: 'sk-wrong', storage: 'session' });
    first.enqueue({ kind: 'http-error', status: 401, error: { message: 'bad key' } });
    const sent = await api.call<Sent>('chat:send', { text: 'Hi' });
    expect(api.failure(sent.streamId)).toMatchObject({ code: 'auth_failed', status: 401, providerId: 'default' });
    first.enqueue({ kind: 'http-error', status: 402, error: { message: 'no credits' } });
    const poor = await api.call<Sent>('chat:send', { text: 'Hi again' });
    expect(api.failure(poor.streamId)).toMatchObject({ code: 'out_of_credits', status: 402, providerId: 'default' });
    first.enqueue({ kind: 'http-error', status: 503, error: { message: 'busy' }, headers: { 'retry-after': '2' } });
    const busy = await api.call<Sent>('chat:send', { text: 'Busy?' });
    expect(api.failure(busy.streamId)).toMatchObject({ code: 'provider_error', status: 503, retryAfterMs: 2000, providerId: 'default' });
  });
});

// The same on the OS keychain where this machine has one (npm run test:unit provides a throwaway one).
const REAL_SERVICE = `Parley-test-${randomUUID()}`;
async function probeRealKeychain(): Promise<{ ok: true; keychain: Keychain } | { ok: false; reason: string }> {
  try {
    const real = await loadKeytar();
    await real.getPassword(REAL_SERVICE, 'api-token');
    return { ok: true, keychain: real };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
const real = await probeRealKeychain();

describe.skipIf(!real.ok)(`provider tokens on the real OS keychain${real.ok ? '' : ` — skipped: no reachable keychain (${real.reason})`}`, () => {
  it('stores a second provider’s token under provider:<id>, beside the default one, and removes it with the provider', async () => {
    const os = (real as { keychain: Keychain }).keychain;
    const api = await open({ PARLEY_KEYCHAIN_SERVICE: REAL_SERVICE }, { apiBaseUrl: first.baseUrl }, loadKeytar);
    try {
      await api.call('auth:setToken', { token: 'sk-real-default' });
      const other = await api.call<ProviderView>('providers:save', { name: 'Other', baseUrl: second.baseUrl });
      await api.call('auth:setToken', { token: 'sk-real-other', providerId: other.id });
      expect(await os.getPassword(REAL_SERVICE, 'api-token')).toBe('sk-real-default');
      expect(await os.getPassword(REAL_SERVICE, `provider:${other.id}`)).toBe('sk-real-other');
      await api.call('providers:delete', { id: other.id });
      expect(await os.getPassword(REAL_SERVICE, `provider:${other.id}`)).toBeNull();
    } finally {
      await os.deletePassword(REAL_SERVICE, 'api-token');
    }
  });
});
