import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { ParleyApi } from '../../shared/contract/api.ts';
import { buildApp, electronBinary, launchApp, pageMatching, skipWithoutElectron } from './electronApp.ts';

const binary = electronBinary();
if ('reason' in binary) console.log(`Electron tests skipped: no Electron binary (${binary.reason}).`);
type PageGlobals = { parley?: ParleyApi; require?: unknown; process?: unknown; ipcRenderer?: unknown };

test.describe('Parley desktop app', () => {
  skipWithoutElectron();

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!('path' in binary)) return;
    buildApp();
    dataDir = mkdtempSync(join(tmpdir(), 'parley-electron-'));
    app = await launchApp(binary.path, dataDir);
    page = await pageMatching(app, /out\/renderer\/index\.html/);
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one main window with the locked-down webPreferences', async () => {
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => {
        // Not in the typings, but present at run time in Electron; null where it is not.
        const contents = window.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
        return { url: window.webContents.getURL(), prefs: contents.getLastWebPreferences?.() ?? null };
      }),
    );
    // The other window is the quick prompt, kept hidden (quick.spec.ts).
    const main = windows.filter((w) => /out\/renderer\/index\.html/.test(w.url));
    expect(main).toHaveLength(1);
    const prefs = main[0]?.prefs;
    if (prefs) {
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    }
    // Whatever the typings say, the page itself must see no Node.
    const page_ = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return { require: typeof g.require, process: typeof g.process };
    });
    expect(page_).toEqual({ require: 'undefined', process: 'undefined' });
  });

  test('exposes window.parley with one function per call and no ipcRenderer', async () => {
    const shape = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      const api = g.parley as unknown as Record<string, Record<string, unknown>>;
      const domains = Object.fromEntries(
        Object.entries(api).map(([domain, fns]) => [domain, Object.keys(fns).sort()]),
      );
      return { domains, ipcRenderer: typeof g.ipcRenderer, hasInvoke: 'invoke' in api };
    });
    expect(shape.ipcRenderer).toBe('undefined');
    expect(shape.hasInvoke).toBe(false);
    expect(shape.domains.settings).toEqual(['get', 'update']);
    expect(shape.domains.auth).toEqual(['clearToken', 'setToken', 'status']);
    expect(shape.domains.chat).toEqual(expect.arrayContaining(['send', 'cancel', 'onEvent']));
    expect(shape.domains.conversations).toEqual(expect.arrayContaining(['list', 'create', 'get', 'onChanged']));
  });

  test('round-trips a call to main and back', async () => {
    const view = await page.evaluate(() => (globalThis as unknown as PageGlobals).parley!.settings.get());
    expect(view).toMatchObject({ ok: true, value: { effectiveBaseUrl: 'http://127.0.0.1:9/v1', overriddenByEnv: { apiBaseUrl: true } } });
    const refused = await page.evaluate(() => (globalThis as unknown as PageGlobals).parley!.settings.update({ temperature: 9 }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  test('refuses window.open', async () => {
    const before = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    await page.evaluate(() => {
      (globalThis as unknown as { open: (url: string) => unknown }).open('about:blank');
    });
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(before);
  });
});
