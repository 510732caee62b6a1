import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { ParleyApi } from '../../shared/contract/api.ts';
import { appEnv, buildApp, electronBinary, launchApp, pageMatching, skipWithoutElectron, root } from './electronApp.ts';

// The glue browser mode cannot reach: the quick-prompt window kept ready, the single-instance lock
// forwarding `--quick`, the global shortcut's status and close-to-tray.
const binary = electronBinary();
type PageGlobals = { parley: ParleyApi };

test.describe('Parley desktop app: quick prompt, one instance, tray', () => {
  skipWithoutElectron();

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  /** The quick-prompt window as main sees it: the one window that is always on top. */
  const quickWindow = () =>
    app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows().find((w) => w.isAlwaysOnTop());
      if (!window) return null;
      const contents = window.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
      return {
        url: window.webContents.getURL(),
        visible: window.isVisible(),
        bounds: window.getBounds(),
        resizable: window.isResizable(),
        minimizable: window.isMinimizable(),
        prefs: contents.getLastWebPreferences?.() ?? null,
      };
    });

  test.beforeAll(async () => {
    if (!('path' in binary)) return;
    buildApp();
    dataDir = mkdtempSync(join(tmpdir(), 'parley-electron-quick-'));
    app = await launchApp(binary.path, dataDir);
    page = await pageMatching(app, /out\/renderer\/index\.html/);
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('keeps the quick prompt ready: created at start, hidden, small, locked down', async () => {
    await expect.poll(async () => (await quickWindow()) !== null, { timeout: 30_000 }).toBe(true);
    const quick = await quickWindow();
    expect(quick).toMatchObject({ visible: false, resizable: false, minimizable: false, bounds: { width: 680, height: 460 } });
    expect(quick?.url).toMatch(/out\/renderer\/quick\.html$/);
    if (quick?.prefs) expect(quick.prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  test('reports the global shortcut and hides harmlessly when already hidden', async () => {
    const status = await page.evaluate(() => (globalThis as unknown as PageGlobals).parley.app.hotkeyStatus());
    expect(status).toMatchObject({ ok: true, value: { accelerator: 'CommandOrControl+Shift+Space' } });
    if (status.ok && !status.value.registered) expect(status.value.message).toBeTruthy();
    const hidden = await page.evaluate(() => (globalThis as unknown as PageGlobals).parley.quick.hide());
    expect(hidden).toEqual({ ok: true, value: { hidden: false } });
  });

  test('a second launch with --quick shows the quick prompt in the first instance and exits', async () => {
    if (!('path' in binary)) return;
    const second = spawn(binary.path, [root, '--quick'], { env: appEnv(dataDir), stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    await expect.poll(async () => (await quickWindow())?.visible, { timeout: 15_000 }).toBe(true);
    // Its page asks to hide it (Esc), through the same contract call.
    const quickPage = await pageMatching(app, /out\/renderer\/quick\.html/);
    const hidden = await quickPage.evaluate(() => (globalThis as unknown as PageGlobals).parley.quick.hide());
    expect(hidden).toEqual({ ok: true, value: { hidden: true } });
    expect((await quickWindow())?.visible).toBe(false);
  });

  test('with close-to-tray on, closing the main window hides it and Parley keeps running', async () => {
    const saved = await page.evaluate(() => (globalThis as unknown as PageGlobals).parley.settings.update({ closeToTray: true }));
    expect(saved).toMatchObject({ ok: true, value: { settings: { closeToTray: true } } });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => !w.isAlwaysOnTop())?.close());
    const main = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()
        .filter((w) => !w.isAlwaysOnTop())
        .map((w) => ({ visible: w.isVisible() })),
    );
    expect(main).toEqual([{ visible: false }]);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
  });
});
