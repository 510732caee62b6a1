// Finding 2: `npm run serve` opens the system browser without putting the access key in a process
// argument (visible to every user through ps): the browser gets a one-time code that works once.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveEnv, startServe, SERVE_SCRIPT, type ServeProcess } from '../support/serveProcess.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

let home: string;
let server: ServeProcess | undefined;

function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const address = new URL(url);
    const req = request({ host: address.hostname, port: address.port, path: `${address.pathname}${address.search}`, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeEach(() => {
  home = makeTempDir('launch');
});

afterEach(async () => {
  await server?.stop();
  server = undefined;
  removeTempDir(home);
});

describe.skipIf(process.platform !== 'linux' || !existsSync(SERVE_SCRIPT))('opening the browser', () => {
  it('hands xdg-open a one-time code, never the key, and the code is dead once used', async () => {
    // A stand-in xdg-open that writes down the arguments it was started with.
    const bin = join(home, 'bin');
    const recorded = join(home, 'xdg-open-args');
    mkdirSync(bin);
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${recorded}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const env = { ...serveEnv({ baseUrl: 'http://127.0.0.1:9/v1', home }), PATH: `${bin}:${process.env.PATH ?? ''}` };
    server = await startServe(join(home, 'data'), env, { open: true });
    await expect.poll(() => (existsSync(recorded) ? readFileSync(recorded, 'utf8').trim() : ''), { timeout: 15_000 }).not.toBe('');

    const launched = readFileSync(recorded, 'utf8').trim();
    const key = new URL(server.url).searchParams.get('key') ?? '';
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(launched).not.toContain(key);
    expect(launched).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]{43}$/);
    expect(await status(launched)).toBe(303);
    expect(await status(launched)).toBe(403);
  });
});
