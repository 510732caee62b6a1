// The GitHub workflows: valid against the workflow schema (offline), and shaped as the README promises.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateWorkflowDir } from '../../scripts/validate-workflows.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const workflows = join(root, '.github', 'workflows');

interface Step {
  run?: string;
  uses?: string;
  if?: string;
}
interface Job {
  'runs-on'?: string;
  needs?: string | string[];
  uses?: string;
  steps?: Step[];
  strategy?: { matrix?: { os?: string[] } };
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}
const load = (name: string): Workflow => parse(readFileSync(join(workflows, name), 'utf8')) as Workflow;
const runs = (job: Job | undefined): string[] => (job?.steps ?? []).map((step) => step.run ?? '');

describe('GitHub workflows', () => {
  it('all validate against the workflow schema', () => {
    const results = validateWorkflowDir(workflows);
    expect(results.map((r) => r.file.split('/').at(-1))).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
    expect(results.filter((r) => r.errors.length > 0)).toEqual([]);
  });

  it('the validator does refuse a broken workflow (unknown key, needs naming no job)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-workflows-'));
    try {
      writeFileSync(join(dir, 'bad.yml'), 'on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: [nope]\n    steps:\n      - run: echo\n        colour: red\n');
      const [result] = validateWorkflowDir(dir);
      expect(result?.errors).toEqual(expect.arrayContaining(['/jobs/a/needs: unresolved job nope', "/jobs/a/steps/0: Additional property 'colour' is not allowed"]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ci runs on push and pull request, the README test command on ubuntu, and the desktop app on three platforms', () => {
    const ci = load('ci.yml');
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_call']));
    expect(ci.jobs.test?.['runs-on']).toBe('ubuntu-latest');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const testCommand = /## Test it\s+```sh\n(.+)\n```/.exec(readme)?.[1];
    expect(testCommand).toBe('npm run setup:test && npm test');
    expect(runs(ci.jobs.test)).toContain(testCommand);
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8').trimEnd().split('\n').at(-1)).toBe(testCommand);

    const electron = ci.jobs.electron;
    expect(electron?.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(runs(electron)).toEqual(expect.arrayContaining(['xvfb-run -a npm run test:electron', 'npm run test:electron', 'node node_modules/electron/install.js']));
  });

  it('the release builds only after ci passed', () => {
    const release = load('release.yml');
    const callers = Object.entries(release.jobs).filter(([, job]) => job.uses === './.github/workflows/ci.yml');
    expect(callers).toHaveLength(1);
    const ciJob = callers[0]?.[0] ?? '';
    const needs = [release.jobs.build?.needs ?? []].flat();
    expect(needs).toContain(ciJob);
  });
});
