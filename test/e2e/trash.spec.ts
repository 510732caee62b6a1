import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from '../support/browserMode.ts';
import { assistantMessages, composer, screenshotBothSchemes, userMessages } from './helpers.ts';
import { screenshot } from './replyHelpers.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const row = (page: Page, title: string) => sidebar(page).getByRole('listitem').filter({ hasText: title });
const trashDialog = (page: Page) => page.getByRole('dialog', { name: 'Trash' });

async function chat(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New chat' }).click();
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText(`Echo: ${text}`);
}

/** Opens the row's menu (shown on hover or focus) and picks Delete. */
async function deleteConversation(page: Page, title: string): Promise<void> {
  await row(page, title).hover();
  await row(page, title).getByRole('button', { name: 'Conversation actions' }).click();
  await page.getByRole('menu', { name: 'Conversation actions' }).getByRole('menuitem', { name: 'Delete' }).click();
}

test('Delete moves a conversation to the trash; Undo brings it back (and reopens it)', async ({ page, parley }) => {
  await page.goto(parley.url);
  await chat(page, 'Planning a garden');
  await chat(page, 'Fixing a bicycle');

  // The open conversation: deleting it shows a new chat.
  await deleteConversation(page, 'Fixing a bicycle');
  await expect(row(page, 'Fixing a bicycle')).toHaveCount(0);
  await expect(userMessages(page)).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'moved to the trash' });
  await expect(toast).toHaveText(/“Fixing a bicycle” moved to the trash\./);
  await screenshot(page, 'undo-toast');
  // Focus went to the neighbouring row, not to nowhere.
  await expect(sidebar(page).getByRole('button', { name: 'Planning a garden' })).toBeFocused();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Fixing a bicycle')).toHaveCount(1);
  await expect(sidebar(page).getByRole('button', { name: 'Fixing a bicycle' })).toHaveAttribute('aria-current', 'page');
  await expect(userMessages(page)).toHaveText(/Fixing a bicycle/);
  await expect(toast).toHaveCount(0);

  // Nothing is left in the trash.
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(trashDialog(page).getByText('The trash is empty.')).toBeVisible();
});

test('the keyboard reaches the row menu: Delete, then Trash → Restore', async ({ page, parley }) => {
  await page.goto(parley.url);
  await chat(page, 'Planning a garden');
  await chat(page, 'Fixing a bicycle');
  await chat(page, 'Baking bread');

  // Tab from the row's button to its menu button; Enter opens the menu at the first item.
  await sidebar(page).getByRole('button', { name: 'Planning a garden' }).focus();
  await page.keyboard.press('Tab');
  const menuButton = row(page, 'Planning a garden').getByRole('button', { name: 'Conversation actions' });
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toBeVisible();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Conversation actions' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  // Esc closes it and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('ArrowUp'); // opens at the last item: Delete
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await screenshot(page, 'conversation-menu');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(row(page, 'Planning a garden')).toHaveCount(0);

  await deleteConversation(page, 'Fixing a bicycle');
  await expect(row(page, 'Fixing a bicycle')).toHaveCount(0);

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const dialog = trashDialog(page);
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  // Most recently deleted first, each saying when it goes for good.
  await expect(dialog.getByRole('listitem').first()).toContainText('Fixing a bicycle');
  await expect(dialog.getByRole('listitem').first()).toContainText('Deleted for good in 30 days');
  await screenshotBothSchemes(page, 'trash-view');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await dialog.getByRole('listitem').filter({ hasText: 'Planning a garden' }).getByRole('button', { name: 'Restore' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Restored “Planning a garden”.');
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Trash', exact: true })).toBeFocused();

  await expect(row(page, 'Planning a garden')).toHaveCount(1);
  await sidebar(page).getByRole('button', { name: 'Planning a garden' }).click();
  await expect(assistantMessages(page)).toContainText('Echo: Planning a garden');

  // Trashed conversations stay out of search; restored ones are found again.
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('bicycle');
  await expect(page.getByRole('status').filter({ hasText: 'No results' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('garden');
  await expect(page.getByRole('option')).toHaveCount(2);
});

test('Delete forever and Empty trash ask first, then delete for good', async ({ page, parley }) => {
  await page.goto(parley.url);
  for (const title of ['First topic', 'Second topic', 'Third topic']) await chat(page, title);
  for (const title of ['First topic', 'Second topic', 'Third topic']) await deleteConversation(page, title);
  await expect(sidebar(page).getByText('No conversations yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const dialog = trashDialog(page);
  await expect(dialog.getByRole('listitem')).toHaveCount(3);

  const second = dialog.getByRole('listitem').filter({ hasText: 'Second topic' });
  await second.getByRole('button', { name: 'Delete forever' }).click();
  await expect(second).toContainText('This cannot be undone.');
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(second.getByRole('button', { name: 'Delete forever' })).toBeFocused();
  await expect(dialog.getByRole('listitem')).toHaveCount(3);

  await second.getByRole('button', { name: 'Delete forever' }).click();
  await second.getByRole('button', { name: 'Yes, delete forever' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByRole('status')).toHaveText('Deleted “Second topic” for good.');

  await dialog.getByRole('button', { name: 'Empty trash' }).click();
  await expect(dialog).toContainText('Delete all 2 conversations in the trash for good?');
  await dialog.getByRole('button', { name: 'Yes, empty the trash' }).click();
  await expect(dialog.getByText('The trash is empty.')).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(0);

  // Gone for good: a reload still shows nothing, anywhere.
  await page.reload();
  await expect(sidebar(page).getByText('No conversations yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(trashDialog(page).getByText('The trash is empty.')).toBeVisible();
});
