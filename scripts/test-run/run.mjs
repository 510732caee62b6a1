// Runs commands for `npm test`: gates in parallel with their output held back and printed whole
// (so it does not interleave), suites one at a time on the terminal.
import { spawn } from 'node:child_process';

const exitText = (code, signal) => (signal ? `killed by ${signal}` : `exit ${code}`);

/** @returns {Promise<{ ok: boolean, exit: string, output: string, seconds: string }>} */
export function runCaptured(cmd, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, { shell: true, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `\n${error.message}\n`));
    child.on('close', (code, signal) =>
      resolve({ ok: code === 0, exit: exitText(code, signal), output, seconds: ((Date.now() - started) / 1000).toFixed(1) }),
    );
  });
}

/** @returns {Promise<{ ok: boolean, exit: string, seconds: string }>} */
export function runInherited(cmd, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, { shell: true, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', (error) => console.error(error.message));
    child.on('close', (code, signal) => resolve({ ok: code === 0, exit: exitText(code, signal), seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  });
}
