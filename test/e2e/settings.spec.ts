import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, screenshotBothSchemes } from './helpers.ts';

test('Settings saves values, refuses a bad temperature, and the provider gets them', async ({ page, parley }) => {
  await page.goto(parley.url);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();

  // Sections, and a close button.
  const sections = dialog.getByRole('navigation', { name: 'Settings sections' });
  await expect(sections.getByRole('button')).toHaveText(['Providers', 'General', 'Model and parameters', 'Quick prompt', 'Data']);
  for (const name of ['General', 'Model and parameters', 'Quick prompt', 'Data']) {
    await expect(dialog.getByRole('heading', { name, exact: true })).toBeAttached();
  }
  await screenshotBothSchemes(page, 'settings-dialog');
  await sections.getByRole('button', { name: 'Quick prompt' }).click();
  await expect(dialog.getByRole('heading', { name: 'Quick prompt' })).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Close Settings' })).toBeInViewport();

  // One place for the base URL and the token: the default provider's card. What the environment
  // sets is shown as such, read-only; the token itself is never sent to the page.
  await expect(dialog.getByLabel('API base URL')).toHaveCount(0);
  await expect(dialog.getByLabel('API token', { exact: true })).toHaveCount(0);
  const row = dialog.getByRole('listitem').filter({ hasText: 'Default' });
  await expect(row).toContainText('(set by PARLEY_API_BASE_URL)');
  await expect(row).toContainText('Token set by PARLEY_API_TOKEN');
  await row.getByRole('button', { name: /^Edit / }).click();
  const editor = dialog.getByRole('group', { name: /^Edit / });
  await expect(editor.getByLabel('Provider base URL')).toHaveAttribute('readonly', '');
  await expect(editor.getByLabel('Provider base URL')).toHaveValue(parley.fake.baseUrl);
  const token = editor.getByLabel('Provider API token');
  await expect(token).toHaveAttribute('type', 'password');
  await expect(token).toHaveValue('');
  await expect(token).toHaveAttribute('readonly', '');
  await editor.getByRole('button', { name: 'Cancel' }).click();

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
