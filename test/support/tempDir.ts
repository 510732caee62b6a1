// A fresh directory under the OS temp dir per test, removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Creates e.g. /tmp/parley-<name>-XXXXXX. */
export function makeTempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `parley-${name}-`));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
