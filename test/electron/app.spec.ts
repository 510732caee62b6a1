import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { ParleyApi } from '../../shared/contract/api.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** The Electron executable, found the way scripts/start.mjs finds it: never by require('electron'),
 *  which would try to download one. */
function electronBinary(): { path: string } | { reason: string } {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !relative) return { reason: 'node_modules/electron/path.txt is missing' };
  const binary = override ? join(override, relative || 'electron') : join(pkg, 'dist', relative);
  try {
    accessSync(binary, constants.X_OK);
    return { path: binary };
  } catch {
    return { reason: `${binary} is missing or not executable` };
  }
}

const binary = electronBinary();
if ('reason' in binary) console.log(`Electron tests skipped: no Electron binary (${binary.reason}).`);
type PageGlobals = { parley?: ParleyApi; require?: unknown; process?: unknown; ipcRenderer?: unknown };

test.describe('Parley desktop app', () => {
  test.skip('reason' in binary, `No Electron binary on this machine, so the desktop app cannot start (${'reason' in binary ? binary.reason : ''}).`);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!('path' in binary)) return;
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'parley-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RUN_AS_NODE;
    delete env.ELECTRON_RENDERER_URL;
    app = await electron.launch({
      executablePath: binary.path,
      args: [root],
      env: { ...env, PARLEY_DATA_DIR: dataDir, PARLEY_API_BASE_URL: 'http://127.0.0.1:9/v1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one window with the locked-down webPreferences', async () => {
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => {
        // Not in the typings, but present at run time in Electron; null where it is not.
        const contents = window.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
        return { url: window.webContents.getURL(), prefs: contents.getLastWebPreferences?.() ?? null };
      }),
    );
    expect(windows).toHaveLength(1);
    expect(windows[0]?.url).toMatch(/out\/renderer\/index\.html/);
    const prefs = windows[0]?.prefs;
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
    await page.evaluate(() => {
      (globalThis as unknown as { open: (url: string) => unknown }).open('about:blank');
    });
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});
