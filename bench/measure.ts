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

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target, when there is one; `better` says which side of it is good. */
  target?: number;
  better?: 'lower' | 'higher';
}

export function met(figure: Figure): string {
  if (figure.target === undefined) return '';
  const ok = figure.better === 'higher' ? figure.value >= figure.target : figure.value <= figure.target;
  return ok ? 'met' : 'NOT MET';
}
