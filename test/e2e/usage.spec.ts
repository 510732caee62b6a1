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
  const firstBadge = first.getByRole('button', { name: 'Reply usage: 30 tokens' });
  await expect(firstBadge).toHaveAccessibleDescription(/21 prompt · 9 completion · 4 reasoning · 5 cached/);
  await expect(firstBadge).toHaveAccessibleDescription(/first token after \d+(\.\d+)? m?s/);

  await composer(page).fill('Second');
  await composer(page).press('Enter');
  const second = assistantMessages(page).nth(1);
  const secondBadge = second.getByRole('button', { name: 'Reply usage: 51 tokens' });
  await expect(secondBadge).toHaveAccessibleDescription(/^51 tokens ?40 prompt · 11 completion · 2 reasoning · first token/);
  // 21 + 9 + 40 + 11 tokens in all.
  const totals = page.getByRole('button', { name: 'Conversation totals: 81 tokens' });
  await expect(totals).toHaveText('81 tokens');
  await expect(totals).toHaveAccessibleDescription(/61 prompt · 20 completion · 6 reasoning · 5 cached/);
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
