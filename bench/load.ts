// The machine's load beside the figures: load averages, CPU count and, on Linux, how many other
// tasks (processes and threads) were runnable at that moment (the 4th field of /proc/loadavg, less
// the one reading it).
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

export interface Load {
  at: string;
  /** 1, 5 and 15-minute load averages. */
  loadavg: [number, number, number];
  cpus: number;
  /** Other tasks (processes, threads) runnable right now (Linux); undefined elsewhere. */
  runnableTasks?: number;
}

export function loadNow(): Load {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  const load: Load = { at: new Date().toISOString(), loadavg: [one, five, fifteen], cpus: availableParallelism() };
  const running = existsSync('/proc/loadavg') ? Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[3]?.split('/')[0]) : Number.NaN;
  if (Number.isFinite(running)) load.runnableTasks = Math.max(0, running - 1);
  return load;
}

export function cpuModel(): string {
  return cpus()[0]?.model.trim() ?? 'unknown';
}

/** "load 1.20 / 0.95 / 0.80 on 2 CPUs, 1 other runnable task". */
export function formatLoad(load: Load): string {
  const busy = load.runnableTasks === undefined ? '' : `, ${load.runnableTasks} other runnable task${load.runnableTasks === 1 ? '' : 's'}`;
  return `load ${load.loadavg.map((l) => l.toFixed(2)).join(' / ')} on ${load.cpus} CPUs${busy}`;
}
