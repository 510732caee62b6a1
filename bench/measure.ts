import { existsSync, readFileSync } from 'node:fs';

/** Bytes this process has passed to write(2) so far (Linux); undefined elsewhere. */
export function writtenBytes(): number | undefined {
  if (!existsSync('/proc/self/io')) return undefined;
  const line = readFileSync('/proc/self/io', 'utf8').split('\n').find((l) => l.startsWith('wchar:'));
  return line ? Number(line.split(/\s+/)[1]) : undefined;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** A figure's value with the spread of the samples behind it. */
export interface Sampled {
  /** The median of the samples (unless the figure says otherwise, e.g. a p95). */
  value: number;
  /** The smallest and largest sample. */
  min: number;
  max: number;
  /** How many samples the figure rests on (1: a single measurement, no spread). */
  runs: number;
}

/** The median and spread of repeated samples; samples that are not numbers (NaN: not measured that
 *  run) are left out, and none at all gives NaN with runs 0. */
export function samples(values: number[]): Sampled {
  const measured = values.filter((v) => Number.isFinite(v));
  if (measured.length === 0) return { value: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0 };
  return { value: median(measured), min: Math.min(...measured), max: Math.max(...measured), runs: measured.length };
}

/** A figure measured once. */
export function once(value: number): Sampled {
  return Number.isFinite(value) ? { value, min: value, max: value, runs: 1 } : { value, min: value, max: value, runs: 0 };
}

export interface Figure extends Sampled {
  name: string;
  unit: string;
  /** The target, when there is one; `better` says which side of it is good. */
  target?: number;
  better?: 'lower' | 'higher';
}

export function met(figure: Figure): string {
  if (figure.target === undefined) return '';
  if (!Number.isFinite(figure.value)) return 'NOT MET';
  const ok = figure.better === 'higher' ? figure.value >= figure.target : figure.value <= figure.target;
  return ok ? 'met' : 'NOT MET';
}
