import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { FakeProvider } from '../support/fakeProvider.ts';

export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** A reply with something of everything the Markdown renderer does. */
export const RICH_REPLY = [
  '## Release notes',
  '',
  'Some text with ~~old wording~~ struck, and a link to [the docs](https://example.org/parley/docs).',
  'Autolinked: https://example.com/autolinked and costs from $5 to $10.',
  '',
  '| Feature | Status |',
  '| --- | :---: |',
  '| Tables | done |',
  '| Math | done |',
  '',
  '- [x] Ship the renderer',
  '- [ ] Write the blog post',
  '',
  '```ts',
  'export function greet(name: string): string {',
  '  // Say hello',
  '  return `Hello, ${name}!`;',
  '}',
  '```',
  '',
  'Euler says $e^{i\\pi} + 1 = 0$, and the Gaussian integral is:',
  '',
  '$$',
  '\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}',
  '$$',
].join('\n');

export const RICH_CODE = ['export function greet(name: string): string {', '  // Say hello', '  return `Hello, ${name}!`;', '}'].join('\n');

/** Queues `text` as the next reply, streamed in pieces of about 40 characters. */
export function enqueueReply(fake: FakeProvider, text: string, delayMs = 5): void {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += 40) chunks.push(text.slice(i, i + 40));
  fake.enqueue({ kind: 'stream', chunks, delayMs });
}

/** The clipboard's text, as the page sees it (the context must have clipboard-read). */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate<string>('navigator.clipboard.readText()');
}

/** The distinct computed colours of the highlighted tokens in a code block. */
export function tokenColours(codeBlock: Locator): Promise<string[]> {
  return codeBlock
    .locator('pre code span')
    .evaluateAll((spans) => [...new Set(spans.map((span) => span.ownerDocument.defaultView?.getComputedStyle(span).color ?? ''))]);
}

/** The computed background colour of <body>. */
export function bodyBackground(page: Page): Promise<string> {
  return page.locator('body').evaluate((body) => body.ownerDocument.defaultView?.getComputedStyle(body).backgroundColor ?? '');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
