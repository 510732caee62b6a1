/// <reference lib="dom" />
// A long conversation in the real UI: how long Chromium takes to show it, how much memory the page
// holds, and whether streaming a reply at its end keeps the page responsive (long tasks).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { longConversation, parleyExport } from '../test/support/parleyExport.ts';
import { connectClient, serveEnv, startServe } from '../test/support/serveProcess.ts';
import { startFakeProvider } from '../test/support/fakeProvider.ts';
import { once, samples, type Figure } from './measure.ts';

const MESSAGES = 2_000;
const RUNS = 3;
const CONVERSATION_ID = 'bench-long-chat';

export async function benchLongChat(): Promise<Figure[]> {
  const home = mkdtempSync(join(tmpdir(), 'parley-bench-ui-'));
  const dataDir = join(home, 'data');
  const conversationId = CONVERSATION_ID;
  const fake = await startFakeProvider();
  const server = await startServe(dataDir, serveEnv({ baseUrl: fake.baseUrl, token: 'bench-token', home }));
  // Seeded through Parley's own import, as a user's data would arrive.
  const client = await connectClient(server.url);
  await client.value('conversations:import', { content: parleyExport([longConversation(CONVERSATION_ID, 'A very long chat', MESSAGES)]) });
  client.close();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    await page.goto(server.url);
    // Signed in (the key exchanged for this tab's session secret) before the page is left.
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'A very long chat' }).waitFor();
    const origin = new URL(server.url).origin;
    const openTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(`${origin}/#c=${conversationId}`);
      // The list is virtual: the conversation is shown once its last message is.
      await page.waitForFunction((count) => document.querySelector(`article[aria-posinset="${count}"]`) !== null, MESSAGES);
      openTimes.push(Date.now() - started);
    }

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');

    // Stream a ~20 KB reply at the end of the long chat and add up the main thread's long tasks.
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks += entry.duration;
      }).observe({ type: 'longtask', buffered: false });
    });
    const chunk = 'Streaming text with **bold** and `code`, word after word. ';
    const streamTimes: number[] = [];
    const longTasks: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate(() => ((window as unknown as { __longTasks: number }).__longTasks = 0));
      fake.enqueue({ kind: 'stream', chunks: Array.from({ length: 350 }, () => chunk), delayMs: 5 });
      const streamStarted = Date.now();
      await page.getByRole('textbox', { name: 'Message' }).fill(`One more question, take ${run}`);
      await page.getByRole('textbox', { name: 'Message' }).press('Enter');
      const expected = MESSAGES + 2 * (run + 1);
      await page.waitForFunction(
        (count) => {
          const last = document.querySelector(`article[aria-posinset="${count}"]`)?.textContent ?? '';
          return last.includes('word after word.') && document.querySelector('[role="log"]')?.getAttribute('aria-busy') !== 'true';
        },
        expected,
        { timeout: 60_000 },
      );
      streamTimes.push(Date.now() - streamStarted);
      longTasks.push(await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks));
    }

    return [
      { name: `long chat: show a ${MESSAGES}-message conversation`, ...samples(openTimes), unit: 'ms', target: 1500, better: 'lower' },
      { name: `long chat: page JS heap with ${MESSAGES} messages`, ...once(usedSize / 1024 / 1024), unit: 'MB', target: 150, better: 'lower' },
      { name: 'long chat: stream a 20 KB reply at its end', ...samples(streamTimes), unit: 'ms' },
      { name: 'long chat: main-thread long tasks while streaming', ...samples(longTasks), unit: 'ms', target: 500, better: 'lower' },
    ];
  } finally {
    await browser.close();
    await server.stop('SIGTERM');
    await fake.close();
    rmSync(home, { recursive: true, force: true });
  }
}
