import fs from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Credits, ModelList, ProviderView } from '../../shared/contract/providers.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { readCredits, readModels } from '../../electron/core/providers/providerReplies.ts';
import { FAKE_MODELS, startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';

// What a provider says about itself: its models (GET /models) and its balance (GET /credits).

let root: string;
let fake: FakeProvider;
let services: Services | undefined;
let closedPort: Server | undefined;

async function open(env: NodeJS.ProcessEnv): Promise<<T>(channel: string, input?: unknown) => Promise<T>> {
  services = await createServices({
    mode: 'browser',
    dataDir: path.join(root, 'data'),
    version: '0.0.0-test',
    env,
    settingsBackend: createConfBackend,
    keychain: () => Promise.reject(new Error('no keychain in this test')),
    events: { emit: () => undefined },
  });
  const opened = services;
  return async <T,>(channel: string, input?: unknown): Promise<T> => {
    const result = await opened.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
}

/** An address where nothing listens. */
async function deadBaseUrl(): Promise<string> {
  closedPort = createServer();
  await new Promise<void>((resolve) => closedPort!.listen(0, '127.0.0.1', resolve));
  const { port } = closedPort.address() as { port: number };
  await new Promise<void>((resolve) => closedPort!.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-provider-info-'));
  fake = await startFakeProvider();
});

afterEach(async () => {
  await services?.close();
  services = undefined;
  await fake.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('providers:models', () => {
  it('lists the models the provider serves, sent with its token', async () => {
    const call = await open({ PARLEY_API_BASE_URL: fake.baseUrl, PARLEY_API_TOKEN: 'sk-models' });
    expect(await call<ModelList>('providers:models')).toEqual({ available: true, models: [...FAKE_MODELS].sort() });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models', headers: { authorization: 'Bearer sk-models' } });
  });

  it('answers unavailable, with a reason, where there is no list to be had', async () => {
    const call = await open({ PARLEY_API_BASE_URL: fake.baseUrl, PARLEY_API_TOKEN: 'sk-models' });
    const wrongPath = await call<ProviderView>('providers:save', { name: 'No list', baseUrl: `${fake.baseUrl}/elsewhere` });
    expect(await call<ModelList>('providers:models', { providerId: wrongPath.id })).toEqual({
      available: false,
      reason: 'This provider does not offer a list of models.',
    });
    const dead = await call<ProviderView>('providers:save', { name: 'Down', baseUrl: await deadBaseUrl() });
    const down = await call<ModelList>('providers:models', { providerId: dead.id });
    expect(down).toMatchObject({ available: false, reason: expect.stringContaining('refused the connection') });
  });

  it('reads the shapes providers use and refuses the rest', () => {
    expect(readModels({ data: [{ id: 'b' }, { id: 'a' }, { id: 'a' }, { nope: 1 }] })).toEqual({ available: true, models: ['a', 'b'] });
    expect(readModels({ models: ['x', { id: 'y' }] })).toEqual({ available: true, models: ['x', 'y'] });
    expect(readModels({ data: [] })).toMatchObject({ available: false });
    expect(readModels('<html>')).toMatchObject({ available: false });
  });
});

describe('providers:credits', () => {
  it('reads evolink’s balance from GET /credits with the token', async () => {
    const call = await open({ PARLEY_API_BASE_URL: fake.baseUrl, PARLEY_API_TOKEN: 'sk-credits' });
    expect(await call<Credits>('providers:credits')).toEqual({
      available: true,
      balance: 1095.3996,
      currency: 'credits',
      used: 135.9048,
      tokenBalance: 99416.4429,
      unlimited: false,
    });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/credits', headers: { authorization: 'Bearer sk-credits' } });
  });

  it('answers unavailable when the provider refuses, answers something else, or there is no token', async () => {
    const call = await open({ PARLEY_API_BASE_URL: fake.baseUrl, PARLEY_API_TOKEN: 'sk-credits' });
    fake.setCredits({ kind: 'http-error', status: 401 });
    expect(await call<Credits>('providers:credits')).toEqual({ available: false, reason: 'The provider refused the API token. Check it in Settings.' });
    fake.setCredits({ kind: 'json', body: { success: true, data: { something: 'else' } } });
    expect(await call<Credits>('providers:credits')).toMatchObject({ available: false });
    const other = await call<ProviderView>('providers:save', { name: 'Tokenless', baseUrl: fake.baseUrl });
    const before = fake.requests.length;
    expect(await call<Credits>('providers:credits', { providerId: other.id })).toEqual({ available: false, reason: 'Add the API token first.' });
    expect(fake.requests).toHaveLength(before);
  });

  it('reads other common balance shapes', () => {
    expect(readCredits({ balance: 12.5, currency: 'USD' })).toEqual({ available: true, balance: 12.5, currency: 'USD' });
    expect(readCredits({ data: { balance: 3 } })).toEqual({ available: true, balance: 3, currency: 'credits' });
    expect(readCredits({ credits: 150 })).toEqual({ available: true, balance: 150, currency: 'credits' });
    expect(readCredits({ balance: 'lots' })).toMatchObject({ available: false });
  });
});
