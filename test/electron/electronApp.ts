// Shared by the Electron specs: finding the binary (never downloading one), building, launching.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { findElectronBinary } from '../../scripts/electronBinary.mjs';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

export const root = resolve(import.meta.dirname, '..', '..');

/** The Electron executable, found the way `npm start` finds it (never downloading one here). */
export function electronBinary(): { path: string } | { reason: string } {
  return findElectronBinary(root);
}

/**
 * Inside a describe block: skips its tests, with the reason, on machines where the desktop app cannot
 * start because no Electron binary is installed (and none can be downloaded).
 */
export function skipWithoutElectron(): void {
  const found = electronBinary();
  const missing = 'reason' in found ? found.reason : null;
  test.skip(missing !== null, `No Electron binary on this machine, so the desktop app cannot start (${missing}).`);
}

export function buildApp(): void {
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
}

/** The environment the app runs in under test: its own data folder, and a provider that is never reached. */
export function appEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.ELECTRON_RENDERER_URL;
  return { ...env, PARLEY_DATA_DIR: dataDir, PARLEY_API_BASE_URL: 'http://127.0.0.1:9/v1' };
}

export function launchApp(binaryPath: string, dataDir: string, args: string[] = []): Promise<ElectronApplication> {
  return electron.launch({ executablePath: binaryPath, args: [root, ...args], env: appEnv(dataDir) });
}

/** The page whose address matches, once it exists (the quick prompt's window is created after the main one). */
export async function pageMatching(app: ElectronApplication, pattern: RegExp): Promise<Page> {
  await expect.poll(() => app.windows().some((page) => pattern.test(page.url())), { timeout: 30_000 }).toBe(true);
  const page = app.windows().find((p) => pattern.test(p.url()));
  if (!page) throw new Error(`no window at ${pattern}`);
  await page.waitForLoadState('domcontentloaded');
  return page;
}
