import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { lastUserText } from '../support/fakeProvider.ts';
import { callParley, expect, test } from '../support/browserMode.ts';

// The quick prompt in browser mode: its own page, /quick.html, on the same server as the main page.

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

const quickUrl = (serverUrl: string) => {
  const url = new URL(serverUrl);
  url.pathname = '/quick.html';
  return url.href;
};
const prompt = (page: Page) => page.getByRole('textbox', { name: 'Quick prompt' });
const replies = (page: Page) => page.getByRole('article', { name: 'Assistant' });
const log = (page: Page) => page.getByRole('log', { name: 'Messages' });
const completions = (requests: { path: string; body: unknown }[]) => requests.filter((r) => r.path === '/v1/chat/completions');

/** The calls the page sends over its WebSocket (register before goto). */
function recordCalls(page: Page): { channel: string; input: unknown }[] {
  const calls: { channel: string; input: unknown }[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type?: string; channel?: string; input?: unknown };
      if (message.type === 'call' && message.channel) calls.push({ channel: message.channel, input: message.input });
    }),
  );
  return calls;
}

async function ask(page: Page, text: string): Promise<void> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
  await expect(prompt(page)).toHaveValue('');
}

async function screenshotBoth(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: null });
}

// The desktop window's size (electron/main/quickWindowOptions.ts).
test.use({ viewport: { width: 680, height: 460 } });

test('opens focused on the "Quick prompt" box', async ({ page, parley }) => {
  await page.goto(quickUrl(parley.url));
  await expect(prompt(page)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Pin' })).toHaveAttribute('aria-pressed', 'false');
  // Nothing to open yet.
  await expect(page.getByRole('button', { name: 'Open in main window' })).toBeDisabled();
  // Browser mode has no window to hide.
  await expect(page.getByRole('button', { name: 'Hide' })).toHaveCount(0);
  await screenshotBoth(page, 'quick-empty');
});

test('Enter asks; the reply streams in as Markdown; a follow-up continues the same conversation', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'stream', chunks: ['Ferns like **damp** soil:\n\n', '- water weekly\n', '- keep out of sun\n'], delayMs: 10 });
  const held = fake.hold();
  await page.goto(quickUrl(parley.url));

  await prompt(page).fill('How do I look after ferns?');
  await prompt(page).press('Shift+Enter');
  await prompt(page).pressSequentially('Indoors.');
  await expect(prompt(page)).toHaveValue('How do I look after ferns?\nIndoors.');
  await prompt(page).press('Enter');
  await expect(prompt(page)).toHaveValue('');
  await expect(prompt(page)).toBeFocused();

  // Held after the first chunk: that much shows, the rest cannot have arrived.
  const reply = replies(page);
  await expect(reply).toContainText('Ferns like damp soil');
  await expect(reply).not.toContainText('water weekly');
  await expect(log(page)).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

  held.release();
  await expect(reply.getByRole('listitem')).toHaveText(['water weekly', 'keep out of sun']);
  await expect(reply.locator('strong')).toHaveText('damp');
  await expect(log(page)).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('button', { name: 'Ask' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open in main window' })).toBeEnabled();
  expect(lastUserText(completions(fake.requests)[0]?.body)).toBe('How do I look after ferns?\nIndoors.');
  await screenshotBoth(page, 'quick-reply');

  await ask(page, 'And cacti?');
  await expect(replies(page).last()).toContainText('Echo: And cacti?');
  // The follow-up went with the first exchange as its history, into the same conversation.
  const second = completions(fake.requests)[1]?.body as { messages: { role: string }[] };
  expect(second.messages.filter((m) => m.role === 'user')).toHaveLength(2);
  const list = await callParley(parley.url, 'conversations:list');
  expect(list.ok && list.value).toHaveLength(1);
});

test('Esc with nothing streaming asks main to hide the window, and shows no error', async ({ page, parley }) => {
  const calls = recordCalls(page);
  await page.goto(quickUrl(parley.url));
  await expect(prompt(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect.poll(() => calls.filter((c) => c.channel === 'quick:hide').length).toBe(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(prompt(page)).toBeVisible();
});

test('Esc stops a streaming reply first; pressed again it hides', async ({ page, parley }) => {
  const calls = recordCalls(page);
  parley.fake.enqueue({ kind: 'stream', chunks: ['The first part', ' and the rest'], delayMs: 10 });
  const held = parley.fake.hold();
  await page.goto(quickUrl(parley.url));
  await ask(page, 'Write something long');
  await expect(replies(page)).toContainText('The first part');

  await page.keyboard.press('Escape');
  await expect(replies(page)).toContainText('Stopped');
  await expect(log(page)).toHaveAttribute('aria-busy', 'false');
  expect(calls.filter((c) => c.channel === 'quick:hide')).toHaveLength(0);
  held.release();
  await expect(replies(page)).not.toContainText('and the rest');

  await page.keyboard.press('Escape');
  await expect.poll(() => calls.filter((c) => c.channel === 'quick:hide').length).toBe(1);
});

test('Pin toggles, and tells main', async ({ page, parley }) => {
  const calls = recordCalls(page);
  await page.goto(quickUrl(parley.url));
  const pin = page.getByRole('button', { name: 'Pin' });
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  expect(calls.filter((c) => c.channel === 'quick:setPinned').map((c) => c.input)).toEqual([{ pinned: true }]);
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  expect(calls.filter((c) => c.channel === 'quick:setPinned').map((c) => c.input)).toEqual([{ pinned: true }, { pinned: false }]);
});

test('New and Ctrl+N start a fresh exchange in a new conversation', async ({ page, parley }) => {
  await page.goto(quickUrl(parley.url));
  await ask(page, 'First question');
  await expect(replies(page)).toContainText('Echo: First question');

  await replies(page).getByRole('button', { name: 'Copy', exact: true }).focus();
  await page.keyboard.press('Control+n');
  await expect(replies(page)).toHaveCount(0);
  await expect(prompt(page)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Open in main window' })).toBeDisabled();
  await ask(page, 'Second question');
  await expect(replies(page)).toHaveText(/Echo: Second question/);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(replies(page)).toHaveCount(0);
  await expect(prompt(page)).toBeFocused();
  await ask(page, 'Third question');
  await expect(replies(page)).toHaveText(/Echo: Third question/);

  const list = await callParley(parley.url, 'conversations:list');
  expect(list.ok && list.value).toHaveLength(3);
});

test('applies the theme saved in Settings', async ({ page, parley }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await callParley(parley.url, 'settings:update', { theme: 'dark' })).toMatchObject({ ok: true });
  await page.goto(quickUrl(parley.url));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect
    .poll(() => page.locator('body').evaluate((body) => body.ownerDocument.defaultView?.getComputedStyle(body).colorScheme))
    .toBe('dark');
});

test('has no serious accessibility problems, with a reply, in light and dark', async ({ page, parley }) => {
  await page.goto(quickUrl(parley.url));
  await ask(page, 'Say something');
  await expect(replies(page)).toContainText('Echo: Say something');
  await expect(log(page)).toHaveAttribute('aria-busy', 'false');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious, colorScheme).toEqual([]);
  }
});

test.describe('without a token', () => {
  test.use({ serverOptions: { token: false } });

  test('asking says to add the token in Parley\'s Settings', async ({ page, parley }) => {
    await page.goto(quickUrl(parley.url));
    await prompt(page).fill('Hello?');
    await prompt(page).press('Enter');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText("Parley's Settings");
    // The question stays, to ask again once the token is there.
    await expect(prompt(page)).toHaveValue('Hello?');
    expect(completions(parley.fake.requests)).toHaveLength(0);
    await screenshotBoth(page, 'quick-no-token');
  });
});
