// `npm start`: the desktop app when the Electron binary is installed, browser mode otherwise.
// Arguments after `--` go to whichever starts (e.g. `npm start -- --port 0 --no-open` in browser mode).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

/** The Electron executable, or why there is none. Never downloads: no network is assumed. */
function findElectron() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !relative) return { reason: 'node_modules/electron/path.txt is missing' };
  const binary = override ? join(override, relative || 'electron') : join(pkg, 'dist', relative);
  try {
    accessSync(binary, constants.X_OK);
    return { binary };
  } catch {
    return { reason: `${binary} is missing or not executable` };
  }
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  // Ctrl+C already reaches the child through the terminal; a SIGTERM sent to this script is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`Parley: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
}

function build() {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Parley: the build failed (see above).');
    process.exit(result.status ?? 1);
  }
}

const electron = findElectron();
if (electron.binary) {
  build();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron.binary, [root, ...args], env);
} else {
  console.log(`Parley: the Electron binary is not installed on this machine (${electron.reason}); starting browser mode instead.`);
  build();
  run(process.execPath, [join(root, 'out', 'main', 'serve.js'), ...args]);
}
