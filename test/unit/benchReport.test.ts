import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLoad } from '../../bench/load.ts';
import { met, once, samples, type Figure } from '../../bench/measure.ts';
import { benchSettings, formatSpread, markdown, resultsPaths } from '../../bench/report.ts';

const figure = (over: Partial<Figure>): Figure => ({ name: 'f', unit: 'ms', ...samples([5, 1, 3]), ...over });

describe('bench samples and spread', () => {
  it('gives the median, the smallest and largest sample and the run count', () => {
    expect(samples([12, 3, 7, 40])).toEqual({ value: 9.5, min: 3, max: 40, runs: 4 });
  });

  it('leaves out runs that measured nothing (NaN) and says runs 0 when none did', () => {
    expect(samples([Number.NaN, 4, 8])).toEqual({ value: 6, min: 4, max: 8, runs: 2 });
    expect(samples([Number.NaN]).runs).toBe(0);
    expect(once(17)).toEqual({ value: 17, min: 17, max: 17, runs: 1 });
  });

  it('writes the spread as min–max, and a dash for a single measurement', () => {
    expect(formatSpread(figure({}))).toBe('1.00–5.00');
    expect(formatSpread(figure({ ...samples([120, 95, 310]) }))).toBe('95–310');
    expect(formatSpread(figure({ ...once(42) }))).toBe('—');
  });

  it('judges the target on the right side, and a figure not measured as NOT MET', () => {
    expect(met(figure({ target: 3, better: 'lower' }))).toBe('met');
    expect(met(figure({ target: 2, better: 'lower' }))).toBe('NOT MET');
    expect(met(figure({ target: 4, better: 'higher' }))).toBe('NOT MET');
    expect(met(figure({ ...once(Number.NaN), target: 4, better: 'lower' }))).toBe('NOT MET');
  });
});

describe('bench results', () => {
  const load = { at: '2026-01-01T00:00:00.000Z', loadavg: [1.5, 0.75, 0.25] as [number, number, number], cpus: 2, runnableTasks: 1 };

  it('puts a table row per figure with its spread, runs, target and the group load', () => {
    const md = markdown({
      at: '2026-01-01T00:00:00.000Z',
      node: '24.0.0',
      platform: 'linux',
      cpuModel: 'Test CPU',
      cpus: 2,
      settings: {},
      groups: [{ group: 'history', before: load, after: { ...load, runnableTasks: 3 }, figures: [figure({ name: 'a | b', target: 2, better: 'lower' })] }],
    });
    expect(md).toContain('Node 24.0.0 on linux, Test CPU × 2 CPUs (full size)');
    expect(md).toContain('Before: load 1.50 / 0.75 / 0.25 on 2 CPUs, 1 other runnable task. After: load 1.50 / 0.75 / 0.25 on 2 CPUs, 3 other runnable tasks.');
    expect(md).toContain('| a \\| b | 3.00 ms | 1.00–5.00 | 3 | ≤ 2 ms | NOT MET |');
    expect(formatLoad({ ...load, runnableTasks: undefined })).toBe('load 1.50 / 0.75 / 0.25 on 2 CPUs');
  });

  it('writes the committed results only for a full run', () => {
    expect(resultsPaths('/r', benchSettings({ PATH: '/bin' })).json).toBe(join('/r', 'bench', 'results', 'latest.json'));
    const small = benchSettings({ PARLEY_BENCH_SIZE: 'small', PATH: '/bin' });
    expect(small).toEqual({ PARLEY_BENCH_SIZE: 'small' });
    expect(resultsPaths('/r', small)).toEqual({ json: join('/r', 'test-results', 'bench.json'), md: join('/r', 'test-results', 'bench.md') });
    expect(resultsPaths('/r', benchSettings({ PARLEY_BENCH_ONLY: 'history' })).md).toBe(join('/r', 'test-results', 'bench.md'));
  });
});
