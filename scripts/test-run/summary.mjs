// The closing lines of `npm test`. Pure, so it is tested on small fixture suites (test/unit/testSummary.test.ts).

/**
 * @typedef {{ name: string, ok: boolean, exit: string }} GateResult
 * @typedef {{ name: string, ran: boolean, ok: boolean, exit: string, counts?: import('./reports.mjs').Counts }} SuiteResult
 */

/** @returns {{ ok: boolean, lines: string[] }} the summary; the last line is `tests: …` */
export function summarize(/** @type {GateResult[]} */ gates, /** @type {SuiteResult[]} */ suites) {
  const lines = [];
  const problems = [];
  for (const gate of gates.filter((g) => !g.ok)) {
    lines.push(`FAILED gate: ${gate.name} (${gate.exit})`);
    problems.push(`${gate.name} failed`);
  }
  const notRun = suites.filter((suite) => !suite.ran).map((suite) => suite.name);
  if (notRun.length > 0) {
    lines.push(`NOT RUN: ${notRun.join('; ')}`);
    problems.push(`${notRun.length} suite${notRun.length === 1 ? '' : 's'} not run`);
  }
  const total = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  for (const suite of suites.filter((s) => s.ran)) {
    const counts = suite.counts;
    if (!counts) {
      lines.push(`NOT COUNTED: ${suite.name} wrote no report (${suite.exit})`);
      problems.push(`${suite.name} not counted`);
      continue;
    }
    for (const key of Object.keys(total)) total[key] += counts[key];
    for (const file of counts.notLoaded) lines.push(`DID NOT LOAD (${suite.name}): ${file}`);
    for (const error of counts.outside) lines.push(`ERROR OUTSIDE A TEST (${suite.name}): ${error}`);
    if (counts.notLoaded.length > 0) problems.push(`${counts.notLoaded.length} test file${counts.notLoaded.length === 1 ? '' : 's'} did not load`);
    if (counts.outside.length > 0) problems.push(`${counts.outside.length} error${counts.outside.length === 1 ? '' : 's'} outside tests`);
    const explained = counts.failed > 0 || counts.notLoaded.length > 0 || counts.outside.length > 0;
    if (!suite.ok && !explained) {
      lines.push(`FAILED: ${suite.name} ${suite.exit} with no failed test in its report`);
      problems.push(`${suite.name} failed outside its tests`);
    }
  }
  if (total.flaky > 0) lines.push(`flaky: ${total.flaky} passed only on their retry (see the e2e report)`);
  if (problems.length > 0) {
    // Never the plain "N passed, N failed" shape here: these numbers are not the whole run.
    lines.push(`counted before stopping: passed ${total.passed}, failed ${total.failed}, skipped ${total.skipped}`);
    lines.push(`tests: NOT COUNTED, the run is incomplete: ${problems.join('; ')}`);
    return { ok: false, lines };
  }
  lines.push(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return { ok: total.failed === 0 && suites.every((s) => s.ok), lines };
}
