// `npm test`'s closing lines, checked by running scripts/test-all.mjs on small fixture suites.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

const root = resolve(import.meta.dirname, '..', '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTempDir));

/** The shape the CI reads as a count: "N passed, N failed" alone on a line, maybe after one word and a colon. */
const countLine = /^(\w+:\s*)?\d+ passed, \d+ failed/;

function runPlan(plan: string): Promise<{ code: number | null; lines: string[] }> {
  const dir = makeTempDir(`summary-${plan}`);
  dirs.push(dir);
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'test-all.mjs'), '--plan', join(root, 'test', 'fixtures', 'summary', 'plan.mjs'), '--reports', join(dir, 'reports')], {
      cwd: root,
      env: { ...process.env, FIXTURE_PLAN: plan, FIXTURE_DIR: dir, CI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, lines: out.trimEnd().split('\n') }));
  });
}

describe('npm test summary', { timeout: 120_000 }, () => {
  it('counts when everything ran, and runs the gates in parallel', async () => {
    const { code, lines } = await runPlan('pass');
    expect(lines.at(-1)).toBe('tests: 3 passed, 0 failed, 1 skipped');
    expect(code).toBe(0);
  });

  it('a test file that crashes on import fails the run, is named, and the line is not a count', async () => {
    const { code, lines } = await runPlan('crash');
    expect(code).toBe(1);
    expect(lines).toContainEqual(expect.stringMatching(/^DID NOT LOAD \(vitest fixtures .*\): .*crashing\.test\.ts: this fixture crashes on import$/));
    expect(lines.at(-1)).toBe('tests: NOT COUNTED, the run is incomplete: 1 test file did not load');
    expect(lines.filter((line) => countLine.test(line))).toEqual([]);
  });

  it('a failing test is counted as failed and fails the run', async () => {
    const { code, lines } = await runPlan('fail');
    expect(lines.at(-1)).toBe('tests: 2 passed, 1 failed, 1 skipped');
    expect(code).toBe(1);
  });

  it('a failed gate fails the run and says which suites were not run', async () => {
    const { code, lines } = await runPlan('gate');
    expect(code).toBe(1);
    expect(lines).toContain('FAILED gate: broken (exit 3)');
    expect(lines).toContain('NOT RUN: vitest fixtures (passing); playwright fixtures (passing)');
    expect(lines.at(-1)).toBe('tests: NOT COUNTED, the run is incomplete: broken failed; 2 suites not run');
  });

  it('a Playwright error outside any test fails the run and is named', async () => {
    const { code, lines } = await runPlan('outside');
    expect(code).toBe(1);
    expect(lines).toContainEqual(expect.stringMatching(/^ERROR OUTSIDE A TEST \(playwright fixtures .*\): .*crashing\.spec\.ts:4: Error: this spec crashes on import$/));
    expect(lines.at(-1)).toBe('tests: NOT COUNTED, the run is incomplete: 1 error outside tests');
  });

  it('a suite that dies without a report is not counted as passing', async () => {
    const { code, lines } = await runPlan('noreport');
    expect(code).toBe(1);
    expect(lines).toContain('NOT COUNTED: silent suite wrote no report (exit 2)');
    expect(lines.at(-1)).toBe('tests: NOT COUNTED, the run is incomplete: silent suite not counted');
  });
});
