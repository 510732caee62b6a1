import type { Page } from '@playwright/test';
import { expect, test } from '../support/browserMode.ts';
import type { RecordedRequest } from '../support/fakeProvider.ts';
import { assistantMessages, composer } from './helpers.ts';

const completions = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/v1/chat/completions');
const rows = (page: Page) => page.getByRole('navigation', { name: 'Conversations' }).getByRole('listitem');

async function startChat(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New chat' }).click();
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(assistantMessages(page).last()).toContainText(`Echo: ${text}`);
  await expect(rows(page).first()).toContainText(text.split(' ')[0]!);
}

async function chooseFromMenu(page: Page, row: number, action: string): Promise<void> {
  await rows(page).nth(row).getByRole('button', { name: 'Conversation actions' }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

test('Rename: an inline field, Enter saves and Esc cancels', async ({ page, parley }) => {
  await page.goto(parley.url);
  await startChat(page, 'Plans for the weekend');

  await chooseFromMenu(page, 0, 'Rename');
  const field = rows(page).first().getByRole('textbox', { name: 'Conversation title' });
  await expect(field).toBeFocused();
  await field.fill('Not saved');
  await field.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(rows(page).first()).not.toContainText('Not saved');

  await chooseFromMenu(page, 0, 'Rename');
  await field.fill('Weekend hiking');
  await field.press('Enter');
  await expect(rows(page).first().getByRole('button', { name: /Weekend hiking/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Weekend hiking' })).toBeVisible();
  await page.reload();
  await expect(rows(page).first()).toContainText('Weekend hiking');
});

test('Pin puts a conversation first with a pinned mark; Unpin takes it back', async ({ page, parley }) => {
  await page.goto(parley.url);
  await startChat(page, 'Older conversation');
  await startChat(page, 'Newer conversation');
  await expect(rows(page).first()).toContainText('Newer');

  await chooseFromMenu(page, 1, 'Pin');
  await expect(rows(page).first()).toContainText('Older');
  await expect(rows(page).first().getByTitle('Pinned', { exact: true })).toBeVisible();
  await expect(rows(page).nth(1).getByTitle('Pinned', { exact: true })).toHaveCount(0);

  await chooseFromMenu(page, 0, 'Unpin');
  await expect(rows(page).first()).toContainText('Newer');
  await expect(page.getByTitle('Pinned', { exact: true })).toHaveCount(0);
});

test('a conversation system prompt reaches the provider as the first message; clearing it removes it', async ({ page, parley }) => {
  const { fake } = parley;
  await page.goto(parley.url);
  await startChat(page, 'Hello');

  await page.getByRole('button', { name: 'Conversation settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  await dialog.getByLabel('System prompt').fill('You are a pirate.');
  await dialog.getByLabel('Temperature').fill('0.3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(composer(page)).toBeFocused();

  await composer(page).fill('Ahoy?');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).last()).toContainText('Echo: Ahoy?');
  const body = completions(fake.requests).at(-1)?.body as { messages: { role: string; content: string }[]; temperature?: number };
  expect(body.messages[0]).toEqual({ role: 'system', content: 'You are a pirate.' });
  expect(body.temperature).toBe(0.3);

  // Empty fields clear the overrides.
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  await expect(dialog.getByLabel('System prompt')).toHaveValue('You are a pirate.');
  await dialog.getByLabel('System prompt').fill('');
  await dialog.getByLabel('Temperature').fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await composer(page).fill('Still there?');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).last()).toContainText('Echo: Still there?');
  const cleared = completions(fake.requests).at(-1)?.body as { messages: { role: string }[]; temperature?: number };
  expect(cleared.messages[0]?.role).toBe('user');
  expect(cleared.temperature).toBeUndefined();
});

test('invalid sampling values are refused in the conversation settings', async ({ page, parley }) => {
  await page.goto(parley.url);
  await startChat(page, 'Hello');
  await page.getByRole('button', { name: 'Conversation settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  await dialog.getByLabel('Top P').fill('3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Top P must be between 0 and 1.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});
