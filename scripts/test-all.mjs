// `npm test`: typecheck, lint, build, then every suite; ends with one summary line
// ("tests: N passed, N failed, N skipped") counted from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = join(import.meta.dirname, '..', 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  { name: 'typecheck', cmd: 'npm run typecheck' },
  { name: 'lint', cmd: 'npm run lint' },
  { name: 'build', cmd: 'npm run build' },
  {
    name: 'unit and integration (vitest)',
    cmd: `npm run test:unit -- --reporter=default --reporter=json --outputFile.json=${join(reports, 'vitest.json')}`,
    report: { file: 'vitest.json', kind: 'vitest' },
  },
  {
    name: 'end to end (Playwright, Chromium, browser mode)',
    cmd: 'npm run test:e2e -- --reporter=list,json',
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json') },
    report: { file: 'e2e.json', kind: 'playwright' },
  },
  {
    name: 'desktop (Playwright, Electron launcher)',
    cmd: 'npm run test:electron -- --reporter=list,json',
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'electron.json') },
    report: { file: 'electron.json', kind: 'playwright' },
  },
];

const totals = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
const failedSteps = [];
const gateSteps = new Set(['typecheck', 'lint', 'build']);

for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd}`);
  const started = Date.now();
  const run = spawnSync(step.cmd, { shell: true, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  console.log(`=== ${step.name}: ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds}s`);
  if (step.report) addCounts(step.report, ok);
  if (!ok) {
    failedSteps.push(step.name);
    // Nothing after a failed typecheck, lint or build is worth the wait.
    if (gateSteps.has(step.name)) break;
  }
}

function addCounts({ file, kind }, ok) {
  const path = join(reports, file);
  if (!existsSync(path)) {
    if (!ok) totals.failed += 1; // the runner died before writing a report: count the suite as one failure
    return;
  }
  const data = JSON.parse(readFileSync(path, 'utf8'));
  if (kind === 'vitest') {
    totals.passed += data.numPassedTests ?? 0;
    totals.failed += data.numFailedTests ?? 0;
    totals.skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
  } else {
    totals.passed += (data.stats?.expected ?? 0) + (data.stats?.flaky ?? 0);
    totals.flaky += data.stats?.flaky ?? 0;
    totals.failed += data.stats?.unexpected ?? 0;
    totals.skipped += data.stats?.skipped ?? 0;
  }
}

console.log('');
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
if (totals.flaky > 0) console.log(`flaky: ${totals.flaky} passed only on their retry (see the e2e report)`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
