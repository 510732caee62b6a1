import { expect, seriousA11yViolations, test } from '../support/browserMode.ts';
import type { RecordedRequest } from '../support/fakeProvider.ts';
import { assistantMessages, composer, screenshotBothSchemes } from './helpers.ts';

const completions = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/v1/chat/completions');
const modelListRequests = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/v1/models').length;
const modelOf = (request: RecordedRequest | undefined) => (request?.body as { model?: string } | undefined)?.model;

test('the header model picker: searchable, default marked, per conversation, and the request uses it', async ({ page, parley }) => {
  const { fake } = parley;
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(parley.url);
  await composer(page).fill('First question');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: First question');
  expect(modelOf(completions(fake.requests)[0])).toBe('gpt-5.2');

  // The connectivity probe asks GET /models too: count from here.
  const before = modelListRequests(fake.requests);
  const picker = page.getByRole('button', { name: 'Model: gpt-5.2 (default)' });
  await picker.click();
  const dialog = page.getByRole('dialog', { name: 'Choose a model' });
  const options = dialog.getByRole('option');
  await expect(options).toHaveText(['gpt-5.2default', 'fake-echo', 'gpt-5.2-mini']);
  await expect(dialog.getByRole('option', { name: 'gpt-5.2 default' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('combobox', { name: 'Search models' })).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshotBothSchemes(page, 'model-picker');

  // Searching narrows the list; Enter takes the one highlighted.
  await page.keyboard.type('mini');
  await expect(options).toHaveText(['gpt-5.2-mini', 'Use “mini”']);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Model: gpt-5.2-mini' })).toBeFocused();

  // The provider answers with the model it really used; the reply says so.
  fake.enqueue({ kind: 'stream', chunks: ['From the small one.'], model: 'gpt-5.2-mini-2026-01' });
  await composer(page).fill('Second question');
  await composer(page).press('Enter');
  const second = assistantMessages(page).nth(1);
  await expect(second).toContainText('From the small one.');
  expect(modelOf(completions(fake.requests)[1])).toBe('gpt-5.2-mini');
  await expect(second.locator('.message__model')).toHaveText('gpt-5.2-mini-2026-01');
  await expect(assistantMessages(page).first().locator('.message__model')).toHaveText('gpt-5.2');

  // The list was asked for once; opening again uses the cache, Refresh asks again.
  expect(modelListRequests(fake.requests)).toBe(before + 1);
  await page.getByRole('button', { name: 'Model: gpt-5.2-mini' }).click();
  await expect(dialog.getByRole('status')).toHaveText('3 models');
  expect(modelListRequests(fake.requests)).toBe(before + 1);
  await dialog.getByRole('button', { name: 'Refresh list' }).click();
  await expect.poll(() => modelListRequests(fake.requests)).toBe(before + 2);
  await expect(dialog.getByRole('status')).toHaveText('3 models');
  // A name the list does not have can be typed.
  await dialog.getByRole('combobox', { name: 'Search models' }).fill('my-own-model');
  await dialog.getByRole('option', { name: 'Use “my-own-model”' }).click();
  await expect(page.getByRole('button', { name: 'Model: my-own-model' })).toBeVisible();

  // Per conversation: a new chat uses the default again.
  await page.getByRole('button', { name: 'New chat' }).click();
  await composer(page).fill('Other chat');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Other chat');
  expect(modelOf(completions(fake.requests).at(-1))).toBe('gpt-5.2');
  await expect(page.getByRole('button', { name: 'Model: gpt-5.2 (default)' })).toBeVisible();
});

test('usage is a compact badge; the breakdown shows on hover and on focus', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'stream', chunks: ['One.'], usage: { promptTokens: 1200, completionTokens: 34, reasoningTokens: 4, cachedTokens: 5 } });
  await page.goto(parley.url);
  await composer(page).fill('Count');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  const badge = reply.getByRole('button', { name: 'Reply usage: 1.2k tokens' });
  await expect(badge).toHaveText('1.2k tokens');
  await badge.hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('1,200 prompt · 34 completion · 4 reasoning · 5 cached');
  await expect(tip).toContainText(/first token after/);
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
  await badge.focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await expect(badge).toHaveAccessibleDescription(/1,200 prompt/);
  const header = page.getByRole('button', { name: 'Conversation totals: 1.2k tokens' });
  await expect(header).toBeVisible();
});

test('a failed reply shows no "0 tokens" anywhere', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'http-error', status: 500, error: { message: 'boom' } });
  await page.goto(parley.url);
  await composer(page).fill('Fail');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).getByRole('alert')).toBeVisible();
  await expect(page.getByText(/\b0 tokens/)).toHaveCount(0);
});

test('keyboard only: Tab to the model picker, open it, pick with the arrows, Esc closes without a change', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Keyboard please');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Keyboard please');
  const picker = page.getByRole('button', { name: 'Model: gpt-5.2 (default)' });
  await picker.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Choose a model' });
  const search = dialog.getByRole('combobox', { name: 'Search models' });
  await expect(search).toBeFocused();
  await expect(dialog.getByRole('option')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(picker).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('option')).toHaveCount(3);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await search.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${active}"]`)).toHaveText('gpt-5.2-mini');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Model: gpt-5.2-mini' })).toBeFocused();
  // The conversation's settings hold the choice (the gear is marked as overridden).
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Conversation settings' });
  await expect(settings.getByLabel('Model')).toHaveValue('gpt-5.2-mini');
  await settings.getByRole('button', { name: 'Close Conversation settings' }).click();
  await expect(settings).toBeHidden();
});
