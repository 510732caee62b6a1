import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from '../support/browserMode.ts';
import { importConversations, manyConversations } from '../support/parleyImport.ts';
import { screenshotBothSchemes } from './helpers.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

test('the sidebar groups by date, pinned first, and stays virtual with thousands of conversations', async ({ page, parley }) => {
  const conversations = manyConversations(2_000, 120);
  const first = conversations[5];
  if (first) first.pinned = true;
  await importConversations(parley.url, conversations);
  await page.goto(parley.url);

  const nav = sidebar(page);
  await expect(nav.getByRole('button', { name: /^Conversation 0$/ })).toBeVisible();
  const headings = nav.locator('.sidebar__group');
  await expect(headings.first()).toHaveText('Pinned');
  await expect(headings.nth(1)).toHaveText('Today');
  // The pinned one sits under "Pinned", before every other row.
  await expect(nav.getByRole('listitem').first()).toContainText('Conversation 5');
  // Virtual: only the rows near the screen are in the page.
  expect(await nav.getByRole('listitem').count()).toBeLessThan(200);

  // Scrolling down reaches the monthly groups.
  await nav.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(nav.getByRole('button', { name: /^Conversation 1999$/ })).toBeVisible();
  // Walking back up from the end meets a month's heading ("August 2026").
  const month = headings.filter({ hasText: /^[A-Z][a-z]+ \d{4}$/ });
  await expect(async () => {
    await nav.evaluate((element) => element.scrollBy({ top: -2_500 }));
    expect(await month.count()).toBeGreaterThan(0);
  }).toPass();
  await nav.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(headings.filter({ hasText: 'Yesterday' })).toBeVisible();
  await screenshotBothSchemes(page, 'sidebar-date-groups');
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('arrow keys move through the sidebar, scrolling as they go; Home and End reach both ends', async ({ page, parley }) => {
  await importConversations(parley.url, manyConversations(300, 60));
  await page.goto(parley.url);
  const nav = sidebar(page);
  await nav.getByRole('button', { name: /^Conversation 0$/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('button', { name: /^Conversation 1$/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(nav.getByRole('button', { name: /^Conversation 0$/ })).toBeFocused();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  const fortieth = nav.getByRole('button', { name: /^Conversation 40$/ });
  await expect(fortieth).toBeFocused();
  await expect(fortieth).toBeInViewport();
  await page.keyboard.press('End');
  await expect(nav.getByRole('button', { name: /^Conversation 299$/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(nav.getByRole('button', { name: /^Conversation 0$/ })).toBeFocused();
  // Enter opens the focused conversation.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'You' })).toContainText('Question number 1');
  await expect(nav.getByRole('button', { name: /^Conversation 1$/ })).toHaveAttribute('aria-current', 'page');
});
