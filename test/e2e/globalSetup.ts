import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** Fails fast, with the fix, when the suite would otherwise time out on a missing build. */
export default function globalSetup(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    throw new Error(`The e2e tests need Node 24 (node:sqlite); this is Node ${process.versions.node}. Run them with "npm run test:e2e".`);
  }
  for (const file of ['out/main/serve.js', 'out/renderer/index.html']) {
    if (!existsSync(join(root, file))) {
      throw new Error(`${file} is missing: the e2e tests run against the built app. Run "npm run build" first.`);
    }
  }
}
