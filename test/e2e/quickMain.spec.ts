import type { Page } from '@playwright/test';
import type { ConversationSummary } from '../../shared/domain.ts';
import { lastUserText } from '../support/fakeProvider.ts';
import { callParley, expect, test } from '../support/browserMode.ts';

// The quick prompt and the main page together: what it saves, and "Open in main window".

const quickUrl = (serverUrl: string) => {
  const url = new URL(serverUrl);
  url.pathname = '/quick.html';
  return url.href;
};
/** The main page's address with a query of its own (the access key rides along, as in parley.url). */
const mainUrl = (serverUrl: string, query: Record<string, string>, hash = '') => {
  const url = new URL(serverUrl);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  url.hash = hash;
  return url.href;
};
const prompt = (page: Page) => page.getByRole('textbox', { name: 'Quick prompt' });
const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const userMessages = (page: Page) => page.getByRole('article', { name: 'You' });
const replies = (page: Page) => page.getByRole('article', { name: 'Assistant' });

async function conversations(serverUrl: string): Promise<ConversationSummary[]> {
  const result = await callParley(serverUrl, 'conversations:list');
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ConversationSummary[];
}

/** Asks in the quick prompt and waits for the whole reply. */
async function askQuick(page: Page, text: string): Promise<void> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
  await expect(replies(page)).toContainText(`Echo: ${text}`);
  await expect(page.getByRole('log', { name: 'Messages' })).toHaveAttribute('aria-busy', 'false');
}

test('the exchange is saved as a conversation marked as coming from the quick prompt', async ({ page, parley }) => {
  await page.goto(quickUrl(parley.url));
  await askQuick(page, 'Convert 5 miles to km');
  expect(lastUserText(parley.fake.requests.find((r) => r.path === '/v1/chat/completions')?.body)).toBe('Convert 5 miles to km');

  const saved = await conversations(parley.url);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ title: expect.stringContaining('Convert 5 miles') as unknown, source: 'quick' });

  // The main page marks it, for eyes and for screen readers.
  await page.goto(parley.url);
  const item = sidebar(page).getByRole('button', { name: /Convert 5 miles to km/ });
  await expect(item).toHaveAccessibleName(/Quick prompt$/);
  await expect(item.getByText('Quick prompt', { exact: true })).toBeVisible();

  // A chat started in the main window carries no mark.
  await composer(page).fill('A main-window chat');
  await composer(page).press('Enter');
  await expect(replies(page)).toContainText('Echo: A main-window chat');
  await expect(sidebar(page).getByRole('button', { name: 'A main-window chat' })).not.toHaveAccessibleName(/Quick/);
  expect((await conversations(parley.url)).find((c) => c.title.startsWith('A main-window'))?.source ?? 'main').toBe('main');
});

test('"Open in main window" shows the conversation in the main page', async ({ page, parley }) => {
  await page.goto(quickUrl(parley.url));
  await askQuick(page, 'Plan a picnic');
  await prompt(page).fill('With sandwiches');
  await prompt(page).press('Enter');
  await expect(replies(page).last()).toContainText('Echo: With sandwiches');
  const [conversation] = await conversations(parley.url);

  await page.getByRole('button', { name: 'Open in main window' }).click();
  await expect(composer(page)).toBeVisible();
  await expect(userMessages(page)).toHaveText([/Plan a picnic/, /With sandwiches/]);
  await expect(sidebar(page).getByRole('button', { name: /Plan a picnic/ })).toHaveAttribute('aria-current', 'page');
  // The request moved into the hash, like any open conversation, so a reload keeps it and no more.
  expect(new URL(page.url()).pathname).toBe('/');
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toBe(`#c=${conversation?.id}`);

  // It goes on there.
  await composer(page).fill('And lemonade');
  await composer(page).press('Enter');
  await expect(replies(page).last()).toContainText('Echo: And lemonade');
  await page.reload();
  await expect(userMessages(page)).toHaveCount(3);
  expect(await conversations(parley.url)).toHaveLength(1);
});

test('the main page opens ?conversation=<id>, and ?new=1 starts a new chat', async ({ page, parley }) => {
  await page.goto(quickUrl(parley.url));
  await askQuick(page, 'Name a red fruit');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await askQuick(page, 'Name a green vegetable');
  const list = await conversations(parley.url);
  const fruit = list.find((c) => c.title.includes('red fruit'));
  const vegetable = list.find((c) => c.title.includes('green vegetable'));
  expect(fruit && vegetable).toBeTruthy();

  // The query wins over the conversation the hash names.
  await page.goto(mainUrl(parley.url, { conversation: fruit!.id }, `#c=${vegetable!.id}`));
  await expect(userMessages(page)).toHaveText([/Name a red fruit/]);
  await expect(sidebar(page).getByRole('button', { name: /red fruit/ })).toHaveAttribute('aria-current', 'page');

  await page.goto(mainUrl(parley.url, { new: '1' }, `#c=${fruit!.id}`));
  await expect(page.getByRole('heading', { name: 'What would you like to talk about?' })).toBeVisible();
  await expect(userMessages(page)).toHaveCount(0);
  await expect(composer(page)).toBeFocused();
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).hash).toBe('');
});
