import { expect, seriousA11yViolations, test } from '../support/browserMode.ts';
import { assistantMessages, composer, messageLog } from './helpers.ts';
import { RICH_REPLY, enqueueReply } from './replyHelpers.ts';

// Each check runs axe in light and in dark and lists serious and critical findings.

test.describe('first run', () => {
  test.use({ serverOptions: { token: false } });

  test('the first-run screen has no serious accessibility problems', async ({ page, parley }) => {
    await page.goto(parley.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

test('the chat with a rich reply, and Settings, have no serious accessibility problems', async ({ page, parley }) => {
  enqueueReply(parley.fake, RICH_REPLY);
  await page.goto(parley.url);
  await composer(page).fill('Show me code and math');
  await composer(page).press('Enter');
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  await expect(assistantMessages(page).locator('pre[data-highlighted]')).toBeVisible();
  await expect(assistantMessages(page).locator('.katex-display')).toBeVisible();
  expect(await seriousA11yViolations(page), 'chat').toEqual([]);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Model')).toBeVisible();
  expect(await seriousA11yViolations(page), 'settings').toEqual([]);
});

test('versions, the message editor and Conversation settings have no serious accessibility problems', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Tell me about tide pools');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Tell me about tide pools');
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByRole('button', { name: 'Previous version' })).toBeVisible();
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  expect(await seriousA11yViolations(page), 'versions').toEqual([]);

  await page.getByRole('button', { name: 'Edit' }).click();
  expect(await seriousA11yViolations(page), 'message editor').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Conversation settings' }).click();
  await expect(page.getByRole('dialog', { name: /Conversation settings/ })).toBeVisible();
  expect(await seriousA11yViolations(page), 'conversation settings').toEqual([]);
});
