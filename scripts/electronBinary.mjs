// Where the Electron executable is, without ever triggering electron's own download on require().
// Shared by `npm start` (scripts/start.mjs) and the Electron launcher tests.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {{ path: string } | { reason: string }} */
export function findElectronBinary(root) {
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

/** Electron 45 fetches its binary on first use; try that once (bounded), quietly failing offline. */
export function downloadElectronBinary(root, timeoutMs = 10 * 60_000) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return result.status === 0;
}
