import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, messageLog } from './helpers.ts';
import { enqueueReply } from './replyHelpers.ts';

// Finding 8: the page's policy shuts objects, <base> and form posts out; KaTeX's fonts (some inlined
// as data: URLs) load without a console error; the browser's own /favicon.ico request is answered.

const REQUIRED = ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"];

test('the CSP header and the page’s own policy shut out objects, base and forms; math fonts load cleanly', async ({ page, parley }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });

  const response = await page.goto(parley.url);
  const header = (await response?.headerValue('content-security-policy')) ?? '';
  for (const directive of REQUIRED) expect(header).toContain(directive);
  const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "font-src 'self' data:"]) expect(meta).toContain(directive);

  enqueueReply(parley.fake, 'Euler: $e^{i\\pi} + 1 = 0$ and\n\n$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$\n\n$\\mathbb{R}$, $\\mathcal{L}$, $\\mathfrak{g}$');
  await composer(page).fill('Some math, please');
  await composer(page).press('Enter');
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  await expect(assistantMessages(page).locator('.katex').first()).toBeVisible();
  expect(await assistantMessages(page).locator('.katex').count()).toBeGreaterThanOrEqual(4);
  // Every KaTeX face the page asked for loaded.
  await expect
    .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status !== 'unloaded').map((f) => `${f.family}:${f.status}`)))
    .toEqual(expect.arrayContaining([expect.stringMatching(/KaTeX_Main.*:loaded/)]));
  const failed = await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status === 'error').map((f) => f.family));
  expect(failed).toEqual([]);
  expect(problems).toEqual([]);
});

test('a favicon, linked and at /favicon.ico', async ({ page, parley }) => {
  await page.goto(parley.url);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /favicon/);
  const icon = await page.request.get(new URL('/favicon.ico', page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/x-icon');
  const linked = await page.request.get(new URL((await page.locator('link[rel="icon"]').getAttribute('href')) ?? '', page.url()).href);
  expect(linked.status()).toBe(200);
});
