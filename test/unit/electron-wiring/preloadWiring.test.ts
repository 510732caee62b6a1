// The preload against the fake contextBridge and ipcRenderer: named functions only, never ipcRenderer.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callChannels, eventChannels } from '../../../shared/contract/channels.ts';
import { sharedFakeElectron } from './fakeElectron.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).sharedFakeElectron().module);

const fake = sharedFakeElectron();
type Api = Record<string, Record<string, (...args: unknown[]) => unknown>>;

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

describe('the preload bridge (fake contextBridge)', () => {
  beforeAll(async () => {
    fake.reset({});
    // The preload runs in the main window's page (it may read which page it is in).
    Object.assign(globalThis, { window: { location: new URL('file:///opt/Parley/out/renderer/index.html') } });
    await import('../../../electron/preload/index.ts');
  });
  afterAll(() => {
    Reflect.deleteProperty(globalThis, 'window');
  });

  it('exposes one object, window.parley, made of functions only, with no raw IPC in it', () => {
    expect([...fake.exposed.keys()]).toEqual(['parley']);
    const all = leaves(fake.exposed.get('parley'));
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter(([, value]) => typeof value !== 'function')).toEqual([]);
    // Each function is one call or one event subscription of the contract: nothing generic, nothing else.
    const contract = new Set<string>([...callChannels, ...eventChannels.map((c) => c.replace(/:(.)/, (_m, first: string) => `:on${first.toUpperCase()}`))]);
    expect(all.map(([path]) => path.replace('.', ':')).filter((name) => !contract.has(name))).toEqual([]);
  });

  it('a call goes to main on its own channel with its input', async () => {
    const api = fake.exposed.get('parley') as Api;
    await api.app?.info?.();
    await api.conversations?.rename?.({ id: 'c1', title: 'New title' });
    expect(fake.invoked).toEqual([
      { channel: 'app:info', args: [undefined] },
      { channel: 'conversations:rename', args: [{ id: 'c1', title: 'New title' }] },
    ]);
  });

  it('an event reaches the page without the IPC event object, and unsubscribing stops it', () => {
    const api = fake.exposed.get('parley') as Api;
    const received: unknown[][] = [];
    const unsubscribe = api.chat?.onEvent?.((...args: unknown[]) => received.push(args)) as () => void;
    fake.rendererListeners.emit('chat:event', { sender: 'the IpcRendererEvent' }, { at: 1 });
    unsubscribe();
    fake.rendererListeners.emit('chat:event', { sender: 'the IpcRendererEvent' }, { at: 2 });
    expect(received).toEqual([[{ at: 1 }]]);
  });
});
