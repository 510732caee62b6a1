import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, screenshotBothSchemes } from './helpers.ts';

test('Settings saves values, refuses a bad temperature, and the provider gets them', async ({ page, parley }) => {
  await page.goto(parley.url);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();

  // The token is never sent to the page: the field is empty and only says where the token comes from.
  const token = dialog.getByLabel('API token');
  await expect(token).toHaveAttribute('type', 'password');
  await expect(token).toHaveValue('');
  await expect(dialog.getByText('PARLEY_API_TOKEN')).toBeVisible();
  await expect(dialog.getByText('PARLEY_API_BASE_URL')).toBeVisible();
  await screenshotBothSchemes(page, 'settings-dialog');

  await dialog.getByLabel('Temperature').fill('3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Temperature must be between 0 and 2.');
  await expect(dialog.getByLabel('Temperature')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  await screenshotBothSchemes(page, 'settings-dialog-error');

  await dialog.getByLabel('Temperature').fill('0.7');
  await dialog.getByLabel('Top P').fill('0.9');
  await dialog.getByLabel('Top K').fill('40');
  await dialog.getByLabel('Model').fill('fake-echo');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(composer(page)).toBeVisible();

  await composer(page).fill('Use my settings');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Use my settings');
  const body = parley.fake.requests.find((r) => r.path === '/v1/chat/completions')?.body as Record<string, unknown>;
  expect(body).toMatchObject({ model: 'fake-echo', temperature: 0.7, top_p: 0.9, top_k: 40 });

  // Saved, not just sent: the dialog shows them again, and clearing a field unsets it.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(dialog.getByLabel('Temperature')).toHaveValue('0.7');
  await expect(dialog.getByLabel('Top K')).toHaveValue('40');
  await dialog.getByLabel('Top K').fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(dialog.getByLabel('Top K')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('Esc closes Settings without saving', async ({ page, parley }) => {
  await page.goto(parley.url);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Model').fill('not-saved');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(dialog.getByLabel('Model')).not.toHaveValue('not-saved');
});
