// `npm test`: the gates (typecheck, lint, build, workflow files) in parallel, then every suite; ends with
// `tests: N passed, N failed, N skipped` only when every suite ran and was counted from its JSON report.
// Anything else (a failed gate, a suite not run, a test file that did not load, an error outside a test)
// fails the run and is named. `--plan FILE` and `--reports DIR` run another plan (the summary's own tests).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { readPlaywright, readVitest } from './test-run/reports.mjs';
import { runCaptured, runInherited } from './test-run/run.mjs';
import { summarize } from './test-run/summary.mjs';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { plan: { type: 'string' }, reports: { type: 'string' } } });
const plan = await import(pathToFileURL(values.plan ? resolve(values.plan) : join(import.meta.dirname, 'test-run', 'plan.mjs')).href);
const reports = values.reports ? resolve(values.reports) : join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

console.log(`=== gates, in parallel: ${plan.gates.map((g) => g.name).join(', ')}`);
const gates = await Promise.all(
  plan.gates.map(async (gate) => {
    const result = await runCaptured(gate.cmd);
    console.log(`\n=== ${gate.name} (${gate.cmd}): ${result.ok ? 'ok' : `FAILED (${result.exit})`} in ${result.seconds}s`);
    if (!result.ok || process.env.PARLEY_TEST_VERBOSE) process.stdout.write(result.output);
    return { name: gate.name, ok: result.ok, exit: result.exit };
  }),
);
const gatesOk = gates.every((gate) => gate.ok);

const suites = [];
for (const [index, suite] of plan.suites.entries()) {
  if (!gatesOk) {
    suites.push({ name: suite.name, ran: false, ok: false, exit: 'a gate failed' });
    continue;
  }
  const report = join(reports, `${index}-${suite.kind}.json`);
  const cmd = suite.cmd.replaceAll('{report}', report);
  console.log(`\n=== ${suite.name}: ${cmd}`);
  const env = suite.kind === 'playwright' ? { PLAYWRIGHT_JSON_OUTPUT_NAME: report } : {};
  const result = await runInherited(cmd, env);
  console.log(`=== ${suite.name}: ${result.ok ? 'ok' : `FAILED (${result.exit})`} in ${result.seconds}s`);
  suites.push({ name: suite.name, ran: true, ok: result.ok, exit: result.exit, counts: readReport(report, suite.kind) });
}

function readReport(path, kind) {
  if (!existsSync(path)) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8'));
    return kind === 'vitest' ? readVitest(data) : readPlaywright(data);
  } catch {
    return undefined;
  }
}

const summary = summarize(gates, suites);
console.log(`\n${summary.lines.join('\n')}`);
process.exit(summary.ok ? 0 : 1);
