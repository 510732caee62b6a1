import type { Page } from '@playwright/test';
import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, screenshotBothSchemes, userMessages } from './helpers.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

test('New chat, switching conversations, and everything survives a reload', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Planning a garden');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Planning a garden');
  const first = sidebar(page).getByRole('button', { name: 'Planning a garden' });
  await expect(first).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'New chat' }).click();
  await expect(userMessages(page)).toHaveCount(0);
  await expect(first).not.toHaveAttribute('aria-current', 'page');
  await composer(page).fill('Fixing a bicycle');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Fixing a bicycle');
  const second = sidebar(page).getByRole('button', { name: 'Fixing a bicycle' });
  await expect(second).toHaveAttribute('aria-current', 'page');

  // Most recent activity first.
  await expect(sidebar(page).getByRole('listitem')).toHaveText(['Fixing a bicycle', 'Planning a garden']);

  await first.click();
  await expect(first).toHaveAttribute('aria-current', 'page');
  await expect(userMessages(page)).toHaveText(/Planning a garden/);
  await expect(page.getByRole('article').filter({ hasText: 'Fixing a bicycle' })).toHaveCount(0);

  // The open conversation, the list and the messages all come back after a reload.
  await page.reload();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);
  await expect(sidebar(page).getByRole('button', { name: 'Planning a garden' })).toHaveAttribute('aria-current', 'page');
  await expect(userMessages(page)).toHaveText(/Planning a garden/);
  await expect(assistantMessages(page)).toContainText('Echo: Planning a garden');

  await sidebar(page).getByRole('button', { name: 'Fixing a bicycle' }).click();
  await expect(assistantMessages(page)).toContainText('Echo: Fixing a bicycle');
});

test('the layout works at 600 px wide', async ({ page, parley }) => {
  await page.setViewportSize({ width: 600, height: 700 });
  await page.goto(parley.url);
  await composer(page).fill('Narrow window');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Narrow window');
  const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(600);
  await expect(page.getByRole('button', { name: 'Send' })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toBeInViewport();
  await screenshotBothSchemes(page, 'chat-600px');
});
