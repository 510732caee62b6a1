// `npm run lint` ends with this: @doyensec/electronegativity over the desktop app's main process,
// preload and pages. Any finding not in scripts/electronegativity-false-positives.json (each with
// the reason it does not apply) fails the run. Runs offline: its two network look-ups (translations
// and Electron's release list) are switched off.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const toolDir = join(root, 'node_modules', '@doyensec', 'electronegativity');

// The tool fetches fresh translations with `got` (1 s timeout) before every run: answer "offline" at once.
const gotPath = require.resolve('got', { paths: [toolDir] });
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('offline')) };
const run = require('@doyensec/electronegativity');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '');
const allowed = JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-false-positives.json'), 'utf8'));

// What runs with Electron's privileges or in its windows: main, preload, and the pages with their CSP.
const scan = mkdtempSync(join(tmpdir(), 'parley-electronegativity-'));
try {
  cpSync(join(root, 'electron', 'main'), join(scan, 'electron', 'main'), { recursive: true });
  cpSync(join(root, 'electron', 'preload'), join(scan, 'electron', 'preload'), { recursive: true });
  for (const page of ['index.html', 'quick.html']) cpSync(join(root, 'renderer', page), join(scan, 'renderer', page));
  const log = console.log;
  console.log = () => {}; // its progress bar and table; the verdict below is what counts
  let result;
  try {
    result = await run({
      input: scan,
      isRelative: true,
      electronVersionOverride: electronVersion,
      // Needs the internet (Electron's release list); the Electron version is kept current by hand.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
  } finally {
    console.log = log;
  }
  const key = (issue) => `${issue.id} ${issue.file} ${(issue.sample ?? '').trim()}`;
  const known = new Map(allowed.map((entry) => [`${entry.id} ${entry.file} ${entry.sample.trim()}`, entry]));
  const fresh = result.issues.filter((issue) => !known.has(key(issue)));
  const seen = new Set(result.issues.map(key));
  const stale = allowed.filter((entry) => !seen.has(`${entry.id} ${entry.file} ${entry.sample.trim()}`));
  for (const entry of stale) console.warn(`electronegativity: listed but no longer found (remove it): ${entry.id} in ${entry.file}`);
  if (result.errors?.length) for (const error of result.errors) console.warn(`electronegativity: could not check ${error.file}: ${error.message ?? error.tolerable ?? ''}`);
  if (fresh.length > 0) {
    console.error(`electronegativity: ${fresh.length} new finding(s):`);
    for (const issue of fresh) {
      console.error(`  ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${issue.file}:${issue.location.line}  ${issue.description}`);
      console.error(`    ${(issue.sample ?? '').trim().slice(0, 160)}`);
    }
    console.error('Fix them, or add them with the reason to scripts/electronegativity-false-positives.json.');
    process.exitCode = 1;
  } else {
    console.log(`electronegativity: ${result.issues.length} finding(s), all listed as false positives with a reason.`);
  }
} finally {
  rmSync(scan, { recursive: true, force: true });
}
