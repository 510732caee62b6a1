// Finding 4: a stored token belongs to the host it was saved for. Moving a provider's base URL (or
// the proxy) to another origin asks first; without an answer nothing changes, declining drops the
// token before the new host could see it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderList, ProviderView } from '../../shared/contract/providers.ts';
import type { SettingsView } from '../../shared/settings.ts';
import type { TokenMove } from '../../electron/core/providers/tokenBinding.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import type { Keychain } from '../../electron/core/vault/keychain.ts';
import { openServices, type ServicesHarness } from '../support/chatHarness.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

let root: string;
let home: FakeProvider;
let elsewhere: FakeProvider;
let entries: Map<string, string>;
const opened: Services[] = [];

const keychain = async (): Promise<Keychain> => ({
  getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
  setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
  deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
});

function writeSettings(settings: Record<string, unknown>): string {
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
  return dataDir;
}

async function open(): Promise<ServicesHarness> {
  const api = await openServices({ dataDir: writeSettings({ apiBaseUrl: home.baseUrl }), env: {}, keychain });
  opened.push(api.services);
  return api;
}

const tokensSeenBy = (fake: FakeProvider): (string | undefined)[] => fake.requests.map((r) => r.headers['authorization']);

beforeEach(async () => {
  root = makeTempDir('token-binding');
  home = await startFakeProvider();
  elsewhere = await startFakeProvider();
  entries = new Map();
});

afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
  await home.close();
  await elsewhere.close();
  removeTempDir(root);
});

describe('token binding (browser mode: the call says keepToken)', () => {
  it('refuses to move a saved provider with a token to another host unless told what to do with the token', async () => {
    const api = await open();
    const spare = await api.call<ProviderView>('providers:save', { name: 'Spare', baseUrl: home.baseUrl });
    await api.call('auth:setToken', { token: 'sk-spare', storage: 'keychain', providerId: spare.id });

    const refused = await api.refused('providers:save', { id: spare.id, name: 'Spare', baseUrl: elsewhere.baseUrl });
    expect(refused.code).toBe('confirm_required');
    expect(refused.message).toContain(new URL(elsewhere.baseUrl).host);
    const list = await api.call<ProviderList>('providers:list');
    expect(list.providers.find((p) => p.id === spare.id)).toMatchObject({ baseUrl: home.baseUrl, hasToken: true });

    // A new path on the same host is no move.
    await api.call('providers:save', { id: spare.id, name: 'Spare', baseUrl: `${home.baseUrl}/` });

    // Declined: saved, and the token is gone before anything reaches the new host.
    const moved = await api.call<ProviderView>('providers:save', { id: spare.id, name: 'Spare', baseUrl: elsewhere.baseUrl, keepToken: false });
    expect(moved).toMatchObject({ baseUrl: elsewhere.baseUrl, hasToken: false });
    await api.services.dispatch('providers:models', { providerId: spare.id });
    expect(tokensSeenBy(elsewhere)).not.toContain('Bearer sk-spare');
  });

  it('keeps the token when the call says keepToken: true', async () => {
    const api = await open();
    const spare = await api.call<ProviderView>('providers:save', { name: 'Spare', baseUrl: home.baseUrl });
    await api.call('auth:setToken', { token: 'sk-spare', storage: 'keychain', providerId: spare.id });
    const moved = await api.call<ProviderView>('providers:save', { id: spare.id, name: 'Spare', baseUrl: elsewhere.baseUrl, keepToken: true });
    expect(moved).toMatchObject({ baseUrl: elsewhere.baseUrl, hasToken: true });
    await api.call('providers:models', { providerId: spare.id });
    expect(tokensSeenBy(elsewhere)).toContain('Bearer sk-spare');
  });

  it('asks the same for settings:update apiBaseUrl (the default provider) and for a new proxy', async () => {
    const api = await open();
    await api.call('auth:setToken', { token: 'sk-default', storage: 'keychain' });
    expect((await api.refused('settings:update', { apiBaseUrl: elsewhere.baseUrl })).code).toBe('confirm_required');
    expect((await api.call<SettingsView>('settings:get')).settings.apiBaseUrl).toBe(home.baseUrl);
    expect((await api.refused('settings:update', { proxyUrl: 'http://127.0.0.1:9' })).code).toBe('confirm_required');
    expect((await api.call<SettingsView>('settings:get')).settings.proxyUrl).toBeUndefined();
    // Other settings in the same call are not applied either; alone they go through.
    await api.call('settings:update', { model: 'gpt-5.2-mini' });

    const view = await api.call<SettingsView>('settings:update', { apiBaseUrl: elsewhere.baseUrl, keepToken: false });
    expect(view.settings.apiBaseUrl).toBe(elsewhere.baseUrl);
    expect(await api.call('auth:status')).toMatchObject({ hasToken: false });
    await api.services.dispatch('providers:models', undefined);
    expect(tokensSeenBy(elsewhere)).not.toContain('Bearer sk-default');
  });
});

describe('token binding (desktop: main asks with its own dialog)', () => {
  async function desktop(answer: boolean): Promise<{ services: Services; asked: TokenMove[] }> {
    const asked: TokenMove[] = [];
    const services = await createServices({
      mode: 'desktop',
      dataDir: writeSettings({ apiBaseUrl: home.baseUrl }),
      version: '0.0.0-test',
      env: {},
      settingsBackend: createConfBackend,
      keychain,
      events: { emit: () => undefined },
      confirmTokenMove: async (move) => {
        asked.push(move);
        return answer;
      },
    });
    opened.push(services);
    await services.dispatch('auth:setToken', { token: 'sk-desk', storage: 'keychain' });
    return { services, asked };
  }

  it('ignores the page’s keepToken: the user declined in the dialog, so the token is dropped', async () => {
    const { services, asked } = await desktop(false);
    const result = await services.dispatch('settings:update', { apiBaseUrl: elsewhere.baseUrl, keepToken: true });
    expect(result.ok).toBe(true);
    expect(asked).toEqual([{ providers: [expect.any(String)], from: new URL(home.baseUrl).host, to: new URL(elsewhere.baseUrl).host, via: 'base-url' }]);
    expect(await services.dispatch('auth:status', undefined)).toMatchObject({ ok: true, value: { hasToken: false } });
  });

  it('keeps the token when the user confirms in the dialog, whatever the page said', async () => {
    const { services } = await desktop(true);
    expect((await services.dispatch('settings:update', { apiBaseUrl: elsewhere.baseUrl, keepToken: false })).ok).toBe(true);
    expect(await services.dispatch('auth:status', undefined)).toMatchObject({ ok: true, value: { hasToken: true } });
  });
});
