import type { Page } from '@playwright/test';
import { UNREACHABLE_BASE_URL, callParley, expect, seriousA11yViolations, test } from '../support/browserMode.ts';
import { assistantMessages, composer, screenshotBothSchemes, userMessages } from './helpers.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const offlineNote = (page: Page) => page.getByRole('status').filter({ hasText: 'Offline' });

test('offline: the composer says so, the history stays browsable and searchable, and what is typed waits as a draft', async ({ page, parley }) => {
  // Two server restarts, two screenshots and an accessibility scan: the slowest test under load.
  test.slow();
  // Online first: a conversation to come back to.
  await page.goto(parley.url);
  await composer(page).fill('Planning a garden with courgettes');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Planning a garden with courgettes');
  await expect(offlineNote(page)).toHaveCount(0);

  // Then the provider cannot be reached (nothing listens on its port).
  let url = await parley.restart('SIGTERM', { baseUrl: UNREACHABLE_BASE_URL });
  await page.goto(url);
  await expect(offlineNote(page)).toContainText("Offline — Parley can't reach the provider. Your message is kept as a draft.");
  await expect(offlineNote(page)).toContainText('Last checked at');
  // Sending stays possible to try.
  await expect(page.getByRole('button', { name: 'Send' })).toBeAttached();

  // Everything saved is still there: listed, readable, searchable.
  await sidebar(page).getByRole('button', { name: 'Planning a garden with courgettes' }).click();
  await expect(assistantMessages(page)).toContainText('Echo: Planning a garden with courgettes');
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('courgett');
  await expect(page.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('Escape');

  // What the user writes meanwhile is kept, across a reload.
  await composer(page).fill('Which variety grows best in shade?');
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
  await screenshotBothSchemes(page, 'offline-composer');
  expect(await seriousA11yViolations(page)).toEqual([]);
  const conversationId = decodeURIComponent(new URL(page.url()).hash.slice('#c='.length));
  await expect
    .poll(async () => {
      const draft = await callParley(url, 'drafts:get', { conversationId });
      return draft.ok ? (draft.value as { text: string }).text : draft.error.message;
    })
    .toBe('Which variety grows best in shade?');
  await page.reload();
  await expect(composer(page)).toHaveValue('Which variety grows best in shade?');
  await expect(offlineNote(page)).toBeVisible();

  // Try again asks main to check now; still offline, and it says when it looked.
  const retry = page.getByRole('button', { name: 'Try again' });
  await retry.click();
  await expect(retry).toBeEnabled();
  await expect(offlineNote(page)).toBeVisible();

  // The provider is back: the note goes away and the draft is sent on the user's click.
  url = await parley.restart('SIGTERM', { baseUrl: parley.fake.baseUrl });
  await page.goto(`${url}#c=${encodeURIComponent(conversationId)}`);
  await expect(composer(page)).toHaveValue('Which variety grows best in shade?');
  await expect(userMessages(page)).toHaveCount(1);
  await expect(offlineNote(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(assistantMessages(page).last()).toContainText('Echo: Which variety grows best in shade?');
  await expect(composer(page)).toHaveValue('');
});

test.describe('when the provider cannot be reached from the start', () => {
  test.use({ serverOptions: { token: true, baseUrl: UNREACHABLE_BASE_URL } });

  test('a message sent anyway is saved, and its reply says why it failed', async ({ page, parley }) => {
    await page.goto(parley.url);
    await expect(offlineNote(page)).toBeVisible();
    await composer(page).fill('Hello from a train');
    await composer(page).press('Enter');
    await expect(userMessages(page)).toHaveText(/Hello from a train/);
    await expect(assistantMessages(page).getByRole('alert')).toContainText(/reach|connect/i);
    await expect(offlineNote(page)).toBeVisible();
    await page.reload();
    await expect(userMessages(page)).toHaveText(/Hello from a train/);
  });
});
