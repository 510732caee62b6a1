import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../shared/contract/chat.ts';
import type { Connectivity } from '../../shared/contract/connectivity.ts';
import type { CallOutput } from '../../shared/contract/index.ts';
import type { Credits, ModelList } from '../../shared/contract/providers.ts';
import type { SettingsView } from '../../shared/settings.ts';
import { bypassesProxy, proxyFor } from '../../electron/core/providers/proxy.ts';
import type { Services } from '../../electron/core/services.ts';
import { startFakeProvider, type FakeProvider } from '../support/fakeProvider.ts';
import { openServices, type ServicesHarness } from '../support/chatHarness.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

/** A tiny HTTP CONNECT proxy that tunnels only to this machine, whatever host was asked for. */
interface TestProxy {
  url: string;
  /** host:port of each tunnel asked for, and the Proxy-Authorization it came with. */
  tunnels: { target: string; auth: string | undefined }[];
  close(): Promise<void>;
}

async function startProxy(): Promise<TestProxy> {
  const tunnels: TestProxy['tunnels'] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    const target = req.url ?? '';
    tunnels.push({ target, auth: req.headers['proxy-authorization'] });
    const port = Number(target.slice(target.lastIndexOf(':') + 1));
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    const drop = (): void => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let root: string;
let fake: FakeProvider;
let proxy: TestProxy;
let services: Services | undefined;

interface Api extends ServicesHarness {
  ended(streamId: string): ChatEvent | undefined;
}

async function open(env: NodeJS.ProcessEnv): Promise<Api> {
  const api = await openServices({ dataDir: path.join(root, 'data'), env: { PARLEY_API_TOKEN: 'sk-behind-a-proxy', ...env } });
  services = api.services;
  return { ...api, ended: (streamId) => api.events.ended(streamId) };
}

beforeEach(async () => {
  root = makeTempDir('proxy');
  fake = await startFakeProvider();
  proxy = await startProxy();
});

afterEach(async () => {
  await services?.close();
  services = undefined;
  await proxy.close();
  await fake.close();
  removeTempDir(root);
});

type Sent = CallOutput<'chat:send'>;
const fakePort = (): string => new URL(fake.baseUrl).port;

describe('the proxy setting', () => {
  it('sends chat, models, credits and connectivity checks through the proxy, with its credentials', async () => {
    // A host name only the proxy knows: whatever succeeds can only have gone through it.
    const api = await open({ PARLEY_API_BASE_URL: `http://provider.parley.test:${fakePort()}/v1` });
    const withAuth = proxy.url.replace('http://', 'http://office%20user:s3cret@');
    expect((await api.call<SettingsView>('settings:update', { proxyUrl: withAuth })).settings.proxyUrl).toBe(withAuth);

    const sent = await api.call<Sent>('chat:send', { text: 'Through the proxy' });
    expect(api.ended(sent.streamId)).toMatchObject({ type: 'done', message: { content: 'Echo: Through the proxy' } });
    expect(proxy.tunnels[0]).toEqual({
      target: `provider.parley.test:${fakePort()}`,
      auth: `Basic ${Buffer.from('office user:s3cret').toString('base64')}`,
    });

    expect(await api.call<ModelList>('providers:models')).toMatchObject({ available: true });
    expect(await api.call<Credits>('providers:credits')).toMatchObject({ available: true, balance: 1095.3996 });
    expect(await api.call<Connectivity>('app:connectivity', { recheck: true })).toMatchObject({ online: true });
    expect(fake.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/models', '/v1/credits', '/v1/models']);
  });

  it('says the proxy is the way that failed when it cannot be reached', async () => {
    const api = await open({ PARLEY_API_BASE_URL: fake.baseUrl });
    const deadProxy = proxy.url;
    await proxy.close();
    await api.call('settings:update', { proxyUrl: deadProxy });
    const sent = await api.call<Sent>('chat:send', { text: 'Anyone there?' });
    const end = api.ended(sent.streamId);
    expect(end).toMatchObject({ type: 'error', error: { code: 'network' } });
    expect(end?.type === 'error' && end.error.message).toContain(`proxy ${new URL(deadProxy).host}`);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses addresses that are not http(s); cleared, requests go direct again', async () => {
    const api = await open({ PARLEY_API_BASE_URL: fake.baseUrl });
    expect(await api.refused('settings:update', { proxyUrl: 'socks5://127.0.0.1:1080' })).toMatchObject({ code: 'invalid_input' });
    expect(await api.refused('settings:update', { proxyUrl: 'not a proxy' })).toMatchObject({ code: 'invalid_input' });
    await api.call('settings:update', { proxyUrl: proxy.url });
    expect((await api.call<SettingsView>('settings:update', { proxyUrl: null })).settings.proxyUrl).toBeUndefined();
    await api.call('settings:update', { proxyUrl: proxy.url });
    expect((await api.call<SettingsView>('settings:update', { proxyUrl: '' })).settings.proxyUrl).toBeUndefined();
    const direct = await api.call<Sent>('chat:send', { text: 'Direct' });
    expect(api.ended(direct.streamId)).toMatchObject({ type: 'done' });
    expect(proxy.tunnels).toHaveLength(0);
  });
});

describe('the proxy from the environment', () => {
  it('uses HTTP_PROXY for an http provider when there is no setting (the proxy resolves the host)', async () => {
    // A name only the proxy knows: the request can only have gone through it.
    const baseUrl = `http://provider.parley.test:${fakePort()}/v1`;
    const api = await open({ PARLEY_API_BASE_URL: baseUrl, HTTP_PROXY: proxy.url });
    const sent = await api.call<Sent>('chat:send', { text: 'Via the environment' });
    expect(api.ended(sent.streamId)).toMatchObject({ type: 'done', message: { content: 'Echo: Via the environment' } });
    expect(proxy.tunnels.map((t) => t.target)).toContain(`provider.parley.test:${fakePort()}`);
  });

  it('picks the proxy by scheme, honours NO_PROXY, and never proxies this machine', () => {
    const env = { HTTPS_PROXY: 'http://corp:3128', http_proxy: 'corp-plain:8080', NO_PROXY: 'internal.example, .corp.example:8443' };
    expect(proxyFor('https://api.evolink.ai/v1', undefined, env)).toBe('http://corp:3128/');
    expect(proxyFor('http://api.example.com/v1', undefined, env)).toBe('http://corp-plain:8080/');
    expect(proxyFor('https://api.evolink.ai/v1', undefined, { https_proxy: 'http://lower:1' })).toBe('http://lower:1/');
    expect(proxyFor('https://internal.example/v1', undefined, env)).toBeUndefined();
    expect(proxyFor('https://llm.internal.example/v1', undefined, env)).toBeUndefined();
    expect(proxyFor('https://a.corp.example:8443/v1', undefined, env)).toBeUndefined();
    expect(proxyFor('https://a.corp.example/v1', undefined, env)).toBe('http://corp:3128/');
    for (const local of ['http://localhost:11434/v1', 'https://127.0.0.1/v1', 'http://[::1]:8080/v1']) {
      expect(proxyFor(local, undefined, { HTTPS_PROXY: 'http://corp:3128', HTTP_PROXY: 'http://corp:3128' })).toBeUndefined();
    }
    // The setting wins, for every host.
    expect(proxyFor('http://localhost:11434/v1', 'http://mine:9000', env)).toBe('http://mine:9000/');
    expect(proxyFor('https://api.evolink.ai/v1', undefined, { HTTPS_PROXY: 'ftp://nope' })).toBeUndefined();
    expect(bypassesProxy(new URL('https://anything.example'), '*')).toBe(true);
  });
});
