// electron/main, started for real (real services on a temp data dir) against the fake Electron APIs
// of ./fakeElectron.ts: what a wiring mistake would break fails here, on machines without Electron.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callChannels } from '../../../shared/contract/channels.ts';
import { makeTempDir, removeTempDir } from '../../support/tempDir.ts';
import { invokeEvent, sharedFakeElectron, type FakeBrowserWindow } from './fakeElectron.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).sharedFakeElectron().module);

const fake = sharedFakeElectron();
const savedArgv = process.argv;
const savedEnv = { ...process.env };
let dataDir: string;

/** Starts electron/main as `electron . ...argv` would, and waits until start-up is done. */
async function launch(argv: string[] = [], { lock = true } = {}): Promise<void> {
  fake.reset({ appData: dataDir });
  fake.app.lockResult = lock;
  process.argv = [savedArgv[0] ?? 'electron', '.', ...argv];
  vi.resetModules();
  await import('../../../electron/main/index.ts');
  if (lock) await expect.poll(() => fake.trays().length, { timeout: 30_000 }).toBe(1);
}

const isQuick = (window: FakeBrowserWindow) => /quick\.html/.test(window.webContents.getURL());
const mainWindow = () => fake.windows().find((window) => /index\.html/.test(window.webContents.getURL()));
const quickWindow = () => fake.windows().find(isQuick);

async function call(channel: string, window: FakeBrowserWindow | undefined, input?: unknown, frame = window?.webContents.mainFrame) {
  const handler = fake.handlers.get(channel);
  if (!handler || !window) throw new Error(`no handler for ${channel} or no window`);
  return (await handler(invokeEvent(window.webContents, frame), input)) as { ok: boolean; error?: { code: string } };
}

beforeEach(() => {
  dataDir = makeTempDir('electron-wiring');
  process.env.PARLEY_DATA_DIR = dataDir;
  process.env.PARLEY_KEYCHAIN_SERVICE = `Parley-wiring-${randomUUID()}`;
  process.env.PARLEY_API_BASE_URL = 'http://127.0.0.1:9/v1';
  delete process.env.WAYLAND_DISPLAY;
  delete process.env.XDG_SESSION_TYPE;
});

afterEach(async () => {
  // Quit as Electron would: will-quit lets the services close, then main quits again.
  if (fake.handlers.size > 0) {
    const quits = fake.app.quitCalls;
    fake.app.emit('will-quit', { preventDefault: () => {} });
    await expect.poll(() => fake.app.quitCalls, { timeout: 30_000 }).toBeGreaterThan(quits);
  }
  process.argv = savedArgv;
  process.env = { ...savedEnv };
  removeTempDir(dataDir);
});

describe('electron/main wiring (fake Electron APIs)', { timeout: 60_000 }, () => {
  it('takes the single-instance lock with this launch, and registers an ipcMain handler for every contract call', async () => {
    await launch();
    expect(fake.app.lockData).toEqual({ parleyLaunch: { quick: false } });
    expect([...fake.handlers.keys()].sort()).toEqual([...callChannels].sort());
    expect(fake.app.paths.get('userData')).toBe(dataDir);
  });

  it('creates the main and the quick window with the sandbox on, context isolation on and no Node', async () => {
    await launch();
    const windows = fake.windows();
    expect(windows).toHaveLength(2);
    for (const window of windows) {
      expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
      expect(window.options.webPreferences?.preload).toMatch(/preload[/\\]index\.cjs$/);
    }
    await expect.poll(() => mainWindow()?.isVisible()).toBe(true);
    expect(quickWindow()?.isVisible()).toBe(false);
  });

  it('gives the main window Parley\'s icon, a file that exists', async () => {
    await launch();
    const icon = mainWindow()?.options.icon;
    expect(typeof icon).toBe('string');
    expect(existsSync(String(icon))).toBe(true);
  });

  it('answers calls from its own pages and refuses foreign pages and iframes', async () => {
    await launch();
    expect(await call('app:info', mainWindow())).toMatchObject({ ok: true });
    expect(await call('settings:get', quickWindow())).toMatchObject({ ok: true });
    const main = mainWindow();
    const foreign = { url: 'https://attacker.example/', parent: null };
    expect(await call('app:info', main, undefined, foreign)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const iframe = { url: main?.webContents.getURL() ?? '', parent: main?.webContents.mainFrame ?? null };
    expect(await call('auth:status', main, undefined, iframe)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('checks the input of a call with the contract before acting on it', async () => {
    await launch();
    expect(await call('conversations:rename', mainWindow(), { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('shows the quick prompt when the registered global shortcut is pressed, and hides it on the next press', async () => {
    await launch();
    expect(fake.shortcuts.size).toBe(1);
    const [accelerator, press] = [...fake.shortcuts][0] ?? [];
    expect(accelerator).toMatch(/Space$/);
    press?.();
    expect(quickWindow()?.isVisible()).toBe(true);
    expect(quickWindow()?.webContents.sent.map((event) => event.channel)).toContain('quick:shown');
    press?.();
    expect(quickWindow()?.isVisible()).toBe(false);
  });

  it('puts a tray icon with its menu, whose items open the quick prompt and quit', async () => {
    await launch();
    const [tray] = fake.trays();
    expect(tray?.image.path).toMatch(/tray[/\\]tray\.png$/);
    expect(tray?.tooltip).toBe('Parley');
    expect(tray?.menu?.items.filter((item) => item.label).map((item) => item.label)).toEqual(['New chat', 'Quick prompt', 'Show Parley', 'Quit']);
    tray?.click('Quick prompt');
    expect(quickWindow()?.isVisible()).toBe(true);
    const quits = fake.app.quitCalls;
    tray?.click('Quit');
    expect(fake.app.quitCalls).toBe(quits + 1);
  });

  it('a second launch with --quick shows the quick prompt in this instance; without it, the main window', async () => {
    await launch();
    const main = mainWindow();
    await expect.poll(() => main?.isVisible()).toBe(true);
    main?.hide();
    fake.app.emit('second-instance', {}, ['parley', '--quick'], '/', { parleyLaunch: { quick: true } });
    expect(quickWindow()?.isVisible()).toBe(true);
    expect(main?.isVisible()).toBe(false);
    quickWindow()?.hide();
    // Chromium may rewrite argv on Windows: the lock data decides when there is some, argv otherwise.
    fake.app.emit('second-instance', {}, ['parley', '--quick'], '/', undefined);
    expect(quickWindow()?.isVisible()).toBe(true);
    fake.app.emit('second-instance', {}, ['parley'], '/', { parleyLaunch: { quick: false } });
    expect(main?.isVisible()).toBe(true);
  });

  it('started with --quick, shows only the quick prompt and keeps the main window hidden', async () => {
    await launch(['--quick']);
    expect(fake.app.lockData).toEqual({ parleyLaunch: { quick: true } });
    expect(quickWindow()?.isVisible()).toBe(true);
    expect(mainWindow()?.isVisible()).toBe(false);
  });

  it('leaves at once, without windows or handlers, when another Parley holds the lock', async () => {
    await launch([], { lock: false });
    expect(fake.app.quitCalls).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.windows()).toEqual([]);
    expect(fake.handlers.size).toBe(0);
  });

  it('allows the clipboard and refuses camera, microphone and notifications', async () => {
    await launch();
    const asked = (permission: string) =>
      new Promise<boolean>((resolve) => fake.permissions.request?.(mainWindow()?.webContents, permission, resolve, {}));
    expect(await asked('clipboard-sanitized-write')).toBe(true);
    expect(await asked('media')).toBe(false);
    expect(await asked('notifications')).toBe(false);
  });

  it('sends web links to the system browser and opens no window of its own', async () => {
    await launch();
    const handler = mainWindow()?.webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://example.com/docs']);
  });

  it('on quit, releases the shortcut and the tray and closes the services', async () => {
    await launch();
    const quits = fake.app.quitCalls;
    fake.app.emit('will-quit', { preventDefault: () => {} });
    await expect.poll(() => fake.app.quitCalls).toBe(quits + 1);
    expect(fake.shortcuts.size).toBe(0);
    expect(fake.trays()[0]?.destroyed).toBe(true);
    fake.handlers.clear();
  });
});
