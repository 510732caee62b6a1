// `npm start`: the desktop app when the Electron binary is installed, browser mode otherwise.
// Arguments after `--` go to whichever starts (e.g. `npm start -- --port 0 --no-open` in browser mode).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { downloadElectronBinary, findElectronBinary } from './electronBinary.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

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

let electron = findElectronBinary(root);
if ('reason' in electron && existsSync(join(root, 'node_modules', 'electron', 'install.js'))) {
  // First start on a machine with internet: Electron downloads its binary now, once.
  if (downloadElectronBinary(root)) electron = findElectronBinary(root);
}
if ('path' in electron) {
  build();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron.path, [root, ...args], env);
} else {
  console.log(`Parley: the Electron binary is not installed on this machine and could not be downloaded (${electron.reason}); starting browser mode instead.`);
  build();
  run(process.execPath, [join(root, 'out', 'main', 'serve.js'), ...args]);
}
