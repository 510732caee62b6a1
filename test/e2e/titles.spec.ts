import type { Page } from '@playwright/test';
import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer } from './helpers.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

test('a new conversation is titled by the model after its first exchange', async ({ page, parley }) => {
  parley.fake.enqueueTitle({ kind: 'json', content: '"Tide Pool Field Notes."' });
  await page.goto(parley.url);
  await composer(page).fill('I found sea anemones and a hermit crab at low tide this morning, what else lives there?');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: I found sea anemones');

  // Quotes and the trailing full stop are trimmed from the model's answer.
  await expect(sidebar(page).getByRole('button', { name: 'Tide Pool Field Notes' })).toBeVisible();
  expect(parley.fake.titleRequests).toHaveLength(1);

  // A later exchange does not rename it again.
  await composer(page).fill('And crabs?');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).last()).toContainText('Echo: And crabs?');
  await expect(sidebar(page).getByRole('button', { name: 'Tide Pool Field Notes' })).toBeVisible();
  expect(parley.fake.titleRequests).toHaveLength(1);
});

test('when the title request fails, the first words stay as the title', async ({ page, parley }) => {
  parley.fake.enqueueTitle({ kind: 'http-error', status: 500, error: { message: 'title service down' } });
  await page.goto(parley.url);
  await composer(page).fill('Planning a vegetable garden for a small balcony');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Planning a vegetable garden');
  await expect.poll(() => parley.fake.titleRequests.length).toBe(1);
  await expect(sidebar(page).getByRole('button', { name: /^Planning a vegetable garden/ })).toBeVisible();
  // The failed title request never shows as an error in the chat.
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the list follows the last activity: a conversation that gets a new message moves to the top', async ({ page, parley }) => {
  await page.goto(parley.url);
  for (const text of ['Alpha topic', 'Beta topic']) {
    await page.getByRole('button', { name: 'New chat' }).click();
    await composer(page).fill(text);
    await composer(page).press('Enter');
    await expect(assistantMessages(page).last()).toContainText(`Echo: ${text}`);
  }
  const rows = sidebar(page).getByRole('listitem');
  await expect(rows).toHaveText([/Beta topic/, /Alpha topic/]);

  await sidebar(page).getByRole('button', { name: /Alpha topic/ }).click();
  await composer(page).fill('One more thing about alpha');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).last()).toContainText('Echo: One more thing about alpha');
  await expect(rows).toHaveText([/Alpha topic/, /Beta topic/]);
});
