// Data at scale, against the built browser-mode server (out/main/serve.js) and seeded through
// Parley's own streamed import: the list call, search over 20 queries, the first page of a
// 10,000-message conversation, export and re-import of everything (time, the server's peak RSS, the
// longest wait of a call made meanwhile), and the WAL's size. PARLEY_BENCH_MESSAGES sets the size
// (default 200,000 in 5,000 conversations; PARLEY_BENCH_SIZE=small: 10,000).
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { chromium } from '@playwright/test';
import type { TransferEvent, TransferStart } from '../shared/contract/conversations.ts';
import { connectClient, serveEnv, startServe, type ServeProcess, type WireClient } from '../test/support/serveProcess.ts';
import { once, samples, type Figure } from './measure.ts';
import { writeSyntheticExport } from './syntheticExport.ts';

const small = process.env['PARLEY_BENCH_SIZE'] === 'small';
const MESSAGES = Number(process.env['PARLEY_BENCH_MESSAGES'] ?? (small ? 10_000 : 200_000));
const EACH = 40;
const LONG = 10_000;
const QUERIES = [
  'the', 'database', 'the database', 'optim', 'lighthouse', 'glacier fjord', 'photosynthesis', 'kite',
  'marmalade', 'zeppelin tunnel', 'harbour', 'orchard violin', 'window painting', 'streams replies',
  'token by token', 'search', 'milliseconds', 'conversations', 'smooth typing', 'parl',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The process's peak resident memory (VmHWM), reset first when asked (Linux; undefined elsewhere). */
function peakRssMb(pid: number, reset = false): number | undefined {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return undefined;
  if (reset) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // Not allowed here: the peak then counts from the start.
    }
  }
  const line = readFileSync(status, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
}

/** In Chromium against the server: from the last key typed in the search box until its results are
 *  painted (the 150 ms debounce included), per query. */
async function typedToPainted(serverUrl: string): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    await page.goto(serverUrl);
    const box = page.getByRole('searchbox', { name: 'Search conversations' });
    await box.waitFor();
    const times: number[] = [];
    for (const query of QUERIES) {
      await box.fill('');
      await page.getByRole('listbox', { name: 'Search results' }).waitFor({ state: 'detached' });
      // Typed in the page, timed in the page: until a frame has painted the first result.
      const ms = await page.evaluate(async (text) => {
        const input = document.querySelector<HTMLInputElement>('input[aria-label="Search conversations"]')!;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const started = performance.now();
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // The answer to this query (not the previous one's results, kept on screen meanwhile): a
        // highlighted word it matched, or the "No results" line.
        const last = text.split(' ').at(-1)!.toLowerCase();
        await new Promise<void>((resolve) => {
          const check = (): void => {
            const marks = [...document.querySelectorAll('[role="listbox"][aria-label="Search results"] mark')];
            const none = document.querySelector('.search-results__status')?.textContent?.includes(`No results for “${text}”`);
            if (none || marks.some((m) => (m.textContent ?? '').toLowerCase().startsWith(last))) resolve();
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - started;
      }, query);
      times.push(ms);
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function sessionCookie(serverUrl: string): Promise<string> {
  const response = await fetch(serverUrl, { redirect: 'manual' });
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Calls conversations:list every 20 ms while `work` runs; answers the longest wait. */
async function longestWaitDuring<T>(client: WireClient, work: Promise<T>): Promise<{ value: T; longestMs: number }> {
  let done = false;
  let longestMs = 0;
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      await client.call('conversations:list');
      longestMs = Math.max(longestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const value = await work;
  done = true;
  await probe;
  return { value, longestMs };
}

async function importFile(server: ServeProcess, client: WireClient, file: string): Promise<{ ms: number; end: TransferEvent; longestMs: number; walMb: number }> {
  const start = await client.value<TransferStart>('conversations:importFile', {});
  const origin = new URL(server.url).origin;
  const began = performance.now();
  let walMb = 0;
  const wal = join(dataDirOf(server), 'parley.db-wal');
  const sampler = setInterval(() => {
    if (existsSync(wal)) walMb = Math.max(walMb, statSync(wal).size / 1024 / 1024);
  }, 100);
  const upload = fetch(`${origin}${start.url}`, {
    method: 'POST',
    headers: { cookie: await sessionCookie(server.url) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit).then(async (response) => (await response.json()) as TransferEvent);
  const { value: end, longestMs } = await longestWaitDuring(client, upload);
  clearInterval(sampler);
  return { ms: performance.now() - began, end, longestMs, walMb };
}

async function exportAll(server: ServeProcess, client: WireClient, file: string): Promise<{ ms: number; longestMs: number }> {
  const start = await client.value<TransferStart>('conversations:exportFile', { format: 'json' });
  const began = performance.now();
  const download = (async () => {
    const response = await fetch(`${new URL(server.url).origin}${start.url}`, { headers: { cookie: await sessionCookie(server.url) } });
    if (!response.ok || !response.body) throw new Error(`export download failed: ${response.status}`);
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(file));
  })();
  const { longestMs } = await longestWaitDuring(client, download);
  return { ms: performance.now() - began, longestMs };
}

const dataDirs = new Map<ServeProcess, string>();
const dataDirOf = (server: ServeProcess): string => dataDirs.get(server)!;

async function serve(home: string, name: string): Promise<{ server: ServeProcess; client: WireClient }> {
  const dataDir = join(home, name);
  const server = await startServe(dataDir, serveEnv({ baseUrl: 'http://127.0.0.1:9/v1', token: 'bench-token', home }));
  dataDirs.set(server, dataDir);
  return { server, client: await connectClient(server.url) };
}

export async function benchDataAtScale(): Promise<Figure[]> {
  const home = mkdtempSync(join(tmpdir(), 'parley-bench-data-'));
  const figures: Figure[] = [];
  const size = `${(MESSAGES / 1000).toFixed(0)}k msgs`;
  try {
    const seed = join(home, 'seed.json');
    const conversations = Math.round(MESSAGES / EACH);
    await writeSyntheticExport(seed, { conversations, messagesPerConversation: EACH, longConversation: LONG });
    const a = await serve(home, 'a');
    peakRssMb(a.server.pid, true);
    const seeded = await importFile(a.server, a.client, seed);
    if (seeded.end.phase !== 'done') throw new Error(`seeding failed: ${seeded.end.error?.message ?? seeded.end.phase}`);
    figures.push({ name: `data ${size}: import (seed) time`, ...once(seeded.ms / 1000), unit: 's' });

    const lists: number[] = [];
    for (let i = 0; i < 7; i++) {
      const began = performance.now();
      await a.client.value('conversations:list');
      lists.push(performance.now() - began);
    }
    figures.push({ name: `data ${size}: conversations:list (${conversations + 1})`, ...samples(lists), unit: 'ms' });

    const searches: number[] = [];
    for (const query of QUERIES) {
      const began = performance.now();
      await a.client.value('conversations:search', { query });
      searches.push(performance.now() - began);
    }
    figures.push({ name: `data ${size}: search p50 (20 queries, via the socket)`, ...samples(searches), value: percentile(searches, 50), unit: 'ms' });
    figures.push({ name: `data ${size}: search p95 (20 queries, via the socket)`, ...samples(searches), value: percentile(searches, 95), unit: 'ms', target: 50, better: 'lower' });
    if (existsSync('/usr/bin/chromium')) {
      const painted = await typedToPainted(a.server.url);
      figures.push({ name: `data ${size}: search in the UI, typed to painted p95 (debounce included)`, ...samples(painted), value: percentile(painted, 95), unit: 'ms', target: 200, better: 'lower' });
    }

    const pages: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 6; i++) {
      const began = performance.now();
      const result = await a.client.call('conversations:get', { id: 'long-chat' });
      pages.push(performance.now() - began);
      bytes = JSON.stringify(result).length;
    }
    figures.push({ name: 'data: 10,000-msg conversation, first page (cold)', ...once(pages[0]!), unit: 'ms' });
    figures.push({ name: 'data: 10,000-msg conversation, first page (median)', ...samples(pages.slice(1)), unit: 'ms', target: 10, better: 'lower' });
    figures.push({ name: 'data: 10,000-msg conversation, first page size', ...once(bytes / 1024), unit: 'KB', target: 200, better: 'lower' });

    const exported = join(home, 'export.json');
    peakRssMb(a.server.pid, true);
    const out = await exportAll(a.server, a.client, exported);
    figures.push({ name: `data ${size}: export all (${(statSync(exported).size / 1024 / 1024).toFixed(0)} MB) time`, ...once(out.ms / 1000), unit: 's' });
    const exportRss = peakRssMb(a.server.pid);
    if (exportRss !== undefined) figures.push({ name: `data ${size}: export peak RSS (server)`, ...once(exportRss), unit: 'MB', target: 300, better: 'lower' });
    figures.push({ name: `data ${size}: longest call wait during export`, ...once(out.longestMs), unit: 'ms', target: 100, better: 'lower' });
    await new Promise((resolve) => setTimeout(resolve, 12_000)); // one passive checkpoint round
    const walAtRest = join(dataDirOf(a.server), 'parley.db-wal');
    figures.push({ name: `data ${size}: WAL size at rest`, ...once(existsSync(walAtRest) ? statSync(walAtRest).size / 1024 / 1024 : 0), unit: 'MB', target: 4, better: 'lower' });
    a.client.close();
    await a.server.stop();

    const b = await serve(home, 'b');
    peakRssMb(b.server.pid, true);
    const back = await importFile(b.server, b.client, exported);
    if (back.end.phase !== 'done' || back.end.result?.messages !== MESSAGES + LONG) throw new Error(`re-import: ${JSON.stringify(back.end)}`);
    figures.push({ name: `data ${size}: re-import into an empty folder time`, ...once(back.ms / 1000), unit: 's' });
    const importRss = peakRssMb(b.server.pid);
    if (importRss !== undefined) figures.push({ name: `data ${size}: re-import peak RSS (server)`, ...once(importRss), unit: 'MB', target: 300, better: 'lower' });
    figures.push({ name: `data ${size}: longest call wait during re-import`, ...once(back.longestMs), unit: 'ms', target: 100, better: 'lower' });
    figures.push({ name: `data ${size}: WAL size peak during re-import`, ...once(back.walMb), unit: 'MB', target: 4, better: 'lower' });
    b.client.close();
    await b.server.stop();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return figures;
}

// `node bench/dataAtScale.ts` runs this scenario alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of await benchDataAtScale()) console.log(`${figure.name}: ${figure.value.toFixed(figure.value < 10 ? 2 : 0)} ${figure.unit}`);
}
