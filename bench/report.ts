// How bench figures are written down: the console line, the Markdown table of bench/results/latest.md,
// and where a run's results go (only a full-size run of every group replaces the committed ones).
import { join } from 'node:path';
import { formatLoad, type Load } from './load.ts';
import { met, type Figure } from './measure.ts';

export interface GroupResult {
  group: string;
  before: Load;
  after: Load;
  figures: Figure[];
}

export interface BenchResults {
  at: string;
  node: string;
  platform: string;
  cpuModel: string;
  cpus: number;
  /** The settings the run was made with (PARLEY_BENCH_*), empty for a full run. */
  settings: Record<string, string>;
  groups: GroupResult[];
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(0);
}

export function formatValue(figure: Figure): string {
  return `${formatNumber(figure.value)} ${figure.unit}`;
}

/** "12–15" for repeated samples, "—" for a single measurement. */
export function formatSpread(figure: Figure): string {
  if (figure.runs <= 1) return '—';
  return `${formatNumber(figure.min)}–${formatNumber(figure.max)}`;
}

export function formatTarget(figure: Figure): string {
  if (figure.target === undefined) return '';
  return `${figure.better === 'higher' ? '≥' : '≤'} ${figure.target} ${figure.unit}`;
}

export function consoleLine(figure: Figure, width: number): string {
  const target = figure.target === undefined ? '' : `target ${formatTarget(figure)}`;
  const spread = figure.runs <= 1 ? 'runs 1' : `${formatSpread(figure)}, runs ${figure.runs}`;
  return `${figure.name.padEnd(width)}  ${formatValue(figure).padStart(12)}  ${spread.padEnd(20)} ${target.padEnd(22)} ${met(figure)}`;
}

const cell = (text: string): string => text.replaceAll('|', '\\|');

export function markdown(results: BenchResults): string {
  const settings = Object.entries(results.settings).map(([k, v]) => `${k}=${v}`);
  const lines = [
    '# Parley benchmark: latest results',
    '',
    `${results.at}, Node ${results.node} on ${results.platform}, ${results.cpuModel} × ${results.cpus} CPUs` +
      (settings.length > 0 ? ` (${settings.join(', ')})` : ' (full size)'),
    '',
    'Median of the runs (the p50 or p95 where the name says so); spread is the smallest–largest sample',
    '("—": measured once). Load is the',
    "machine's 1/5/15-minute load average before and after each group.",
  ];
  for (const group of results.groups) {
    lines.push('', `## ${group.group}`, '', `Before: ${formatLoad(group.before)}. After: ${formatLoad(group.after)}.`, '');
    lines.push('| Figure | Median | Spread | Runs | Target | Met |', '| --- | ---: | ---: | ---: | --- | --- |');
    for (const f of group.figures) {
      lines.push(`| ${cell(f.name)} | ${formatValue(f)} | ${formatSpread(f)} | ${f.runs} | ${formatTarget(f)} | ${met(f)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The settings that make a run partial or not full size. */
export function benchSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (key.startsWith('PARLEY_BENCH_') && value !== undefined && value !== '') settings[key] = value;
  return settings;
}

/** Where a run's results go: bench/results/ for a full run, test-results/ (ignored by git) otherwise. */
export function resultsPaths(root: string, settings: Record<string, string>): { json: string; md: string } {
  const full = Object.keys(settings).length === 0;
  const dir = full ? join(root, 'bench', 'results') : join(root, 'test-results');
  const base = full ? 'latest' : 'bench';
  return { json: join(dir, `${base}.json`), md: join(dir, `${base}.md`) };
}
