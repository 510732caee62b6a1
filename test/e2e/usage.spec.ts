import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, screenshotBothSchemes } from './helpers.ts';

test('each reply shows its tokens and time to first token; the header shows the totals', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'stream', chunks: ['One.'], usage: { promptTokens: 21, completionTokens: 9, reasoningTokens: 4, cachedTokens: 5 } });
  fake.enqueue({ kind: 'stream', chunks: ['Two.'], usage: { promptTokens: 40, completionTokens: 11, reasoningTokens: 2 } });
  await page.goto(parley.url);
  await composer(page).fill('First');
  await composer(page).press('Enter');
  const first = assistantMessages(page).first();
  await expect(first).toContainText('One.');
  await expect(first).toContainText('21 prompt · 9 completion · 4 reasoning · 5 cached');
  await expect(first).toContainText(/first token after \d+(\.\d+)? m?s/);

  await composer(page).fill('Second');
  await composer(page).press('Enter');
  const second = assistantMessages(page).nth(1);
  await expect(second).toContainText('40 prompt · 11 completion · 2 reasoning');
  await expect(second).not.toContainText('cached');
  // 21 + 9 + 40 + 11 tokens in all.
  await expect(page.getByLabel('Conversation totals')).toContainText('Total: 81 tokens (61 prompt · 20 completion · 6 reasoning · 5 cached)');
});

test('Settings shows the account balance where the provider reports it', async ({ page, parley }) => {
  parley.fake.setCredits({ kind: 'json', body: { balance: 12.5, currency: 'USD' } });
  await page.goto(parley.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByText('Account balance: 12.5 USD')).toBeVisible();
  await screenshotBothSchemes(page, 'settings-providers');
});

test('no balance line where the provider does not report one', async ({ page, parley }) => {
  parley.fake.setCredits({ kind: 'http-error', status: 404 });
  await page.goto(parley.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('heading', { name: 'Providers' })).toBeVisible();
  await expect(dialog.getByText('Account balance')).toHaveCount(0);
});
