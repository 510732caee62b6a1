// The window at scale, in Chromium against browser mode (the same UI as the desktop window), data
// seeded through Parley's own import: streaming the benchmark reply (also at 4x CPU throttle),
// opening and re-opening a 10,000-message conversation, a sidebar of 5,000 conversations, and
// hostile replies. PARLEY_BENCH_SIZE=small runs every scenario at a fraction of its size;
// PARLEY_BENCH_ONLY=streaming|long|sidebar|hostile runs one; PARLEY_BENCH_SCREENSHOTS=1 takes
// screenshots in a loop while streaming (every frame painted and captured: costlier than a real
// window; the e2e suite does this to check the view follows the reply).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { parleyExport, longConversation, manyConversations, type SeedConversation } from '../test/support/parleyExport.ts';
import { startFakeProvider, type FakeProvider } from '../test/support/fakeProvider.ts';
import { connectClient, serveEnv, startServe, type ServeProcess } from '../test/support/serveProcess.ts';
import { benchReply, FULL_REPLY_CHARS, REPLY_END } from './benchReply.ts';
import { once, samples, type Figure } from './measure.ts';
import { readTasks, startTasks, whenTextShows } from './pageProbe.ts';

const small = process.env['PARLEY_BENCH_SIZE'] === 'small';
const SIZE = {
  replyChars: small ? 6_000 : FULL_REPLY_CHARS,
  longMessages: small ? 1_000 : 10_000,
  sidebar: small ? 500 : 5_000,
  hostile: small ? 0.1 : 1,
  runs: small ? 1 : 3,
};
const ASSISTANT = 'article[aria-label="Assistant"]';

interface Rig {
  server: ServeProcess;
  fake: FakeProvider;
  browser: Browser;
  home: string;
}

async function rig(seed: SeedConversation[]): Promise<Rig> {
  const home = mkdtempSync(join(tmpdir(), 'parley-bench-renderer-'));
  const fake = await startFakeProvider();
  const server = await startServe(join(home, 'data'), serveEnv({ baseUrl: fake.baseUrl, token: 'bench-token', home }));
  if (seed.length > 0) {
    const client = await connectClient(server.url);
    await client.value('conversations:import', { content: parleyExport(seed) });
    client.close();
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { server, fake, browser, home };
}

async function close(r: Rig): Promise<void> {
  await r.browser.close();
  await r.server.stop();
  await r.fake.close();
  rmSync(r.home, { recursive: true, force: true });
}

/** When the page last received a finished reply (a chat `done` event), by the Node clock. */
const lastDone = new WeakMap<Page, number>();

async function newPage(r: Rig): Promise<Page> {
  const page = await r.browser.newPage({ viewport: { width: 1100, height: 760 } });
  page.on('websocket', (ws) =>
    ws.on('framereceived', (frame) => {
      if (String(frame.payload).includes('"type":"done"')) lastDone.set(page, Date.now());
    }),
  );
  await page.goto(r.server.url);
  await settled(page);
  return page;
}

/** The page has booted and gone idle (its start-up work is not what a scenario measures). */
async function settled(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let idle = 0;
        const again = () => (++idle >= 4 ? resolve() : requestIdleCallback(again, { timeout: 1_000 }));
        setTimeout(again, 500);
      }),
  );
}

/** Streams the benchmark reply in pieces of `chars` every `delayMs`; screenshots keep the page painting. */
async function streamOnce(page: Page, fake: FakeProvider, chars: number, delayMs: number, run: number) {
  const reply = benchReply(SIZE.replyChars);
  const chunks: string[] = [];
  for (let i = 0; i < reply.length; i += chars) chunks.push(reply.slice(i, i + chars));
  fake.enqueue({ kind: 'stream', chunks, delayMs });
  const sentAt = Date.now();
  await page.getByRole('button', { name: 'New chat' }).click();
  await startTasks(page);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(`Benchmark question ${run}`);
  await composer.press('Enter');
  // The last rendered block only: reading the whole reply's text every frame would cost the page
  // more than rendering it.
  const shown = whenTextShows(page, ASSISTANT, REPLY_END, 120_000, '.markdown');
  let painting = process.env['PARLEY_BENCH_SCREENSHOTS'] !== undefined;
  const painter = (async () => {
    while (painting) await page.screenshot().catch(() => undefined);
  })();
  const shownAt = await shown;
  painting = false;
  await painter;
  const tasks = await readTasks(page);
  // The text may be on screen before the done event itself lands (it carries no new text): 0 then.
  await page.waitForTimeout(200);
  const doneAt = lastDone.get(page) ?? 0;
  return { ...tasks, lastCharsMs: doneAt > sentAt ? Math.max(0, shownAt - doneAt) : Number.NaN };
}

async function benchStreamingReply(r: Rig): Promise<Figure[]> {
  const figures: Figure[] = [];
  const label = `${SIZE.replyChars.toLocaleString('en')}-char reply`;
  const cases = [
    { name: `${label} at 16 chars/2 ms`, chars: 16, delayMs: 2, throttle: 1 },
    { name: `${label} at 64 chars/1 ms`, chars: 64, delayMs: 1, throttle: 1 },
    { name: `${label} at 16 chars/2 ms, 4x CPU throttle`, chars: 16, delayMs: 2, throttle: 4 },
  ];
  for (const c of cases) {
    const page = await newPage(r);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: c.throttle });
    const runs = [];
    for (let run = 0; run < SIZE.runs; run++) runs.push(await streamOnce(page, r.fake, c.chars, c.delayMs, run));
    await page.close();
    const throttled = c.throttle > 1;
    figures.push(
      { name: `${c.name}: tasks > 50 ms`, ...samples(runs.map((x) => x.long)), unit: 'tasks', ...(throttled ? {} : { target: 0, better: 'lower' as const }) },
      { name: `${c.name}: TBT`, ...samples(runs.map((x) => x.tbt)), unit: 'ms', target: throttled ? 500 : 50, better: 'lower' },
      { name: `${c.name}: longest task`, ...samples(runs.map((x) => x.longest)), unit: 'ms', ...(throttled ? { target: 200, better: 'lower' as const } : {}) },
    );
    if (!throttled) {
      figures.push({ name: `${c.name}: last characters on screen after done`, ...samples(runs.map((x) => x.lastCharsMs)), unit: 'ms', target: 100, better: 'lower' });
    }
  }
  return figures;
}

async function openFromSidebar(page: Page, title: string): Promise<number> {
  const started = Date.now();
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: title, exact: true }).click();
  const shown = await whenTextShows(page, 'article', 'Answer', 30_000);
  return shown - started;
}

async function benchLongConversation(r: Rig): Promise<Figure[]> {
  const page = await newPage(r);
  const label = `${SIZE.longMessages.toLocaleString('en')}-message conversation`;
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Other chat', exact: true }).waitFor();
  const first = await openFromSidebar(page, 'Long chat');
  const elements = await page.locator('[role="log"]').evaluate((log) => log.querySelectorAll('*').length);
  // Bottom to top, as a reader dragging the scrollbar would, with older pages loading on the way.
  await startTasks(page);
  await page.locator('.messages').evaluate(async (scroller) => {
    for (let i = 0; i < 4_000 && !scroller.querySelector('[aria-posinset="1"]'); i++) {
      scroller.scrollBy({ top: -scroller.clientHeight * 2 });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  const scroll = await readTasks(page);

  const cdp = await page.context().newCDPSession(page);
  const reopen: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < 5; i++) {
    await openFromSidebar(page, 'Other chat');
    reopen.push(await openFromSidebar(page, 'Long chat'));
    await cdp.send('HeapProfiler.collectGarbage');
    heap.push((await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024);
  }
  await page.close();
  return [
    { name: `${label}: first messages painted after the click`, ...once(first), unit: 'ms', target: 150, better: 'lower' },
    { name: `${label}: elements in the message list`, ...once(elements), unit: 'elements', target: 1_500, better: 'lower' },
    { name: `${label}: scroll bottom to top, longest task`, ...once(scroll.longest), unit: 'ms', target: 50, better: 'lower' },
    { name: `${label}: re-open 1st`, ...once(reopen[0] ?? Number.NaN), unit: 'ms' },
    { name: `${label}: re-open 5th`, ...once(reopen[4] ?? Number.NaN), unit: 'ms' },
    { name: `${label}: heap after re-open 1st`, ...once(heap[0] ?? Number.NaN), unit: 'MB' },
    { name: `${label}: heap after re-open 5th`, ...once(heap[4] ?? Number.NaN), unit: 'MB' },
  ];
}

async function benchSidebar(r: Rig): Promise<Figure[]> {
  const page = await r.browser.newPage({ viewport: { width: 1100, height: 760 } });
  const started = Date.now();
  await page.goto(r.server.url);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Conversation 0', exact: true }).waitFor();
  const painted = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(Date.now()))));
  const elements = await page.getByRole('navigation', { name: 'Conversations' }).evaluate((nav) => nav.querySelectorAll('*').length);
  await page.close();
  const label = `${SIZE.sidebar.toLocaleString('en')} conversations`;
  return [
    { name: `${label}: sidebar painted after load`, ...once(painted - started), unit: 'ms', target: 300, better: 'lower' },
    { name: `${label}: elements in the sidebar`, ...once(elements), unit: 'elements', target: 1_500, better: 'lower' },
  ];
}

function hostileReplies(): { title: string; reply: string }[] {
  const scale = SIZE.hostile;
  return [
    { title: 'Emphasis bomb', reply: '*a'.repeat(Math.round(25_000 * scale)) },
    { title: 'Giant word', reply: 'x'.repeat(Math.round(200_000 * scale)) },
    { title: 'Huge reply', reply: benchReply(Math.round(5_000_000 * scale)) },
  ];
}

async function benchHostile(r: Rig): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const { title, reply } of hostileReplies()) {
    const page = await newPage(r);
    await startTasks(page);
    const started = Date.now();
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: title, exact: true }).click();
    const shown = await whenTextShows(page, ASSISTANT, Math.min(1_000, reply.length / 2), 60_000);
    // Whatever comes after (worker parse, progressive plain text) must not block either.
    await page.waitForTimeout(1_500);
    const tasks = await readTasks(page);
    await page.close();
    const label = `hostile reply "${title}" (${Math.round(reply.length / 1024).toLocaleString('en')} KB)`;
    figures.push(
      { name: `${label}: on screen after the click`, ...once(shown - started), unit: 'ms', target: 1_000, better: 'lower' },
      { name: `${label}: longest task`, ...once(tasks.longest), unit: 'ms', target: 50, better: 'lower' },
    );
  }
  return figures;
}

function hostileSeed(): SeedConversation[] {
  const now = Date.now();
  return hostileReplies().map(({ title, reply }, i) => ({
    id: `hostile-${i}`,
    title,
    createdAt: now - 10_000,
    updatedAt: now - i * 1_000,
    messages: [
      { id: `hostile-${i}-q`, role: 'user', content: 'Show me.', createdAt: now - 10_000 },
      { id: `hostile-${i}-a`, role: 'assistant', content: reply, createdAt: now - 9_000 },
    ],
  }));
}

export async function benchRenderer(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const only = process.env['PARLEY_BENCH_ONLY'];
  const scenarios: { name: string; seed: () => SeedConversation[]; run: (r: Rig) => Promise<Figure[]> }[] = [
    { name: 'streaming', seed: () => [], run: benchStreamingReply },
    {
      name: 'long',
      seed: () => [longConversation('long', 'Long chat', SIZE.longMessages), longConversation('other', 'Other chat', 4, Date.now() - 60_000)],
      run: benchLongConversation,
    },
    { name: 'sidebar', seed: () => manyConversations(SIZE.sidebar, 400), run: benchSidebar },
    { name: 'hostile', seed: hostileSeed, run: benchHostile },
  ];
  for (const scenario of scenarios) {
    if (only && scenario.name !== only) continue;
    const r = await rig(scenario.seed());
    try {
      figures.push(...(await scenario.run(r)));
    } finally {
      await close(r);
    }
  }
  return figures;
}

// `node bench/renderer.ts` runs just these scenarios.
if (import.meta.main) {
  for (const figure of await benchRenderer()) console.log(`${figure.name}: ${figure.value.toFixed(1)} ${figure.unit}${figure.target === undefined ? '' : ` (target ${figure.target})`}`);
}
