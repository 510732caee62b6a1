/// <reference lib="dom" />
// Page-side probes for the renderer benchmarks: long tasks (count, total blocking time, longest).
import type { Page } from '@playwright/test';

export interface TaskFigures {
  /** Tasks longer than 50 ms. */
  long: number;
  /** Total blocking time: the sum of each long task's time past 50 ms. */
  tbt: number;
  longest: number;
}

type ProbeWindow = Window & { __tasks?: number[] };

/** Starts collecting long tasks afresh. */
export async function startTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as ProbeWindow;
    if (!w.__tasks) {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__tasks?.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    }
    w.__tasks = [];
  });
}

export async function readTasks(page: Page): Promise<TaskFigures> {
  const tasks = await page.evaluate(() => (window as ProbeWindow).__tasks ?? []);
  return {
    long: tasks.length,
    tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    longest: tasks.reduce((max, d) => Math.max(max, d), 0),
  };
}

/** Resolves with Date.now() in the page once the last `selector`'s text contains `text` (or, given a
 *  number, holds that many characters), checked each frame. With `lastChildOf`, the text looked at is
 *  that of the last child of the element it names inside the last `selector` (found from there, so
 *  the probe's own work each frame does not grow with the page: a selector such as
 *  `article .markdown > :last-child` is matched against every element of the document). */
export function whenTextShows(page: Page, selector: string, want: string | number, timeoutMs = 120_000, lastChildOf?: string): Promise<number> {
  const text = typeof want === 'string' ? want : '';
  const minChars = typeof want === 'number' ? want : 0;
  return page.evaluate(
    ({ selector, text, minChars, timeoutMs, lastChildOf }) =>
      new Promise<number>((resolve, reject) => {
        const until = Date.now() + timeoutMs;
        const check = () => {
          const elements = document.querySelectorAll(selector);
          const found = elements[elements.length - 1];
          const last = lastChildOf ? found?.querySelector(lastChildOf)?.lastElementChild : found;
          const content = last?.textContent ?? '';
          if (content.length >= minChars && content.includes(text)) resolve(Date.now());
          else if (Date.now() > until) reject(new Error(`"${text.slice(0, 40)}" never showed in ${selector}`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { selector, text, minChars, timeoutMs, lastChildOf },
  );
}
