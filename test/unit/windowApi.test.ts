// Finding 7: each window has its own list of calls, checked in main; the preload exposes only that
// list; a call main rejects or throws on comes back as an error value.
import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApi, type Transport } from '../../shared/contract/api.ts';
import { windowApi } from '../../shared/contract/windows.ts';
import type { Result } from '../../shared/errors.ts';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>>;
const handlers = new Map<string, Handler>();

// The one Electron edge here: ipcMain, typed against Electron's own signature.
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  },
}));

const { registerIpc } = await import('../../electron/main/ipc.ts');
const { ipcTransport } = await import('../../electron/preload/transport.ts');

const renderer = '/opt/Parley/resources/app/out/renderer';
const indexUrl = pathToFileURL(`${renderer}/index.html`).href;
const quickUrl = pathToFileURL(`${renderer}/quick.html`).href;
const from = (url: string): IpcMainInvokeEvent => ({ senderFrame: { url, parent: null } }) as unknown as IpcMainInvokeEvent;

describe('per-window API lists, checked in main', () => {
  const dispatched: string[] = [];
  beforeEach(() => {
    handlers.clear();
    dispatched.length = 0;
    registerIpc(
      {
        dispatch: async (channel) => {
          dispatched.push(channel);
          if (channel === 'conversations:export') throw new Error('disk on fire');
          return { ok: true, value: channel };
        },
      },
      { packagedIndexUrl: indexUrl, otherPackagedUrls: [quickUrl] },
    );
  });

  it('refuses the quick prompt the token, the trash, settings changes and providers', async () => {
    for (const channel of ['auth:setToken', 'auth:clearToken', 'conversations:purge', 'conversations:emptyTrash', 'settings:update', 'providers:save', 'conversations:export']) {
      const result = await handlers.get(channel)!(from(quickUrl), {});
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatched).toEqual([]);
  });

  it('lets the quick prompt ask and hide itself, and the main window do its work', async () => {
    expect(await handlers.get('chat:send')!(from(quickUrl), {})).toEqual({ ok: true, value: 'chat:send' });
    expect(await handlers.get('quick:hide')!(from(quickUrl), undefined)).toEqual({ ok: true, value: 'quick:hide' });
    expect(await handlers.get('auth:setToken')!(from(indexUrl), {})).toEqual({ ok: true, value: 'auth:setToken' });
    expect(await handlers.get('quick:setPinned')!(from(indexUrl), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatched).toEqual(['chat:send', 'quick:hide', 'auth:setToken']);
  });

  it('turns a handler that throws into an error value instead of a rejected call', async () => {
    await expect(handlers.get('conversations:export')!(from(indexUrl), {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('the preload', () => {
  it('exposes only the window’s own calls and events', () => {
    const transport: Transport = { invoke: async () => ({ ok: true, value: null }), subscribe: () => () => undefined };
    const quick = buildApi(transport, windowApi.quick) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(quick.auth ?? {})).toEqual([]);
    expect(quick.conversations?.purge).toBeUndefined();
    expect(typeof quick.chat?.send).toBe('function');
    expect(typeof quick.quick?.onShown).toBe('function');
    const main = buildApi(transport, windowApi.main) as unknown as Record<string, Record<string, unknown>>;
    expect(typeof main.auth?.setToken).toBe('function');
    expect(main.quick?.setPinned).toBeUndefined();
  });

  it('resolves a rejected IPC call to an error value, so a composer never stays on "sending"', async () => {
    const transport = ipcTransport({
      invoke: () => Promise.reject(new Error("No handler registered for 'chat:send'")),
      on: () => undefined as never,
      removeListener: () => undefined as never,
    });
    await expect(transport.invoke('chat:send', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
