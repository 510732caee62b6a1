import { expect, test } from '../support/browserMode.ts';
import type { RecordedRequest } from '../support/fakeProvider.ts';
import { assistantMessages, composer } from './helpers.ts';
import { addProvider, openSettings } from './providerHelpers.ts';

const completions = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/v1/chat/completions');

test('a second provider with its own token, chosen for one conversation', async ({ page, parley }) => {
  const { fake } = parley;
  await page.goto(parley.url);
  const dialog = await openSettings(page);
  await addProvider(dialog, 'Backup', fake.baseUrl, 'backup-token');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await composer(page).fill('Via the default');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Via the default');
  expect(completions(fake.requests)[0]?.headers['authorization']).toBe('Bearer test-token');

  await page.getByRole('button', { name: 'Conversation settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Conversation settings' });
  await settings.getByLabel('Provider').selectOption({ label: 'Backup' });
  // The provider's model list (GET /models) is offered as suggestions.
  await expect(settings.locator('datalist option[value="gpt-5.2-mini"]')).toHaveCount(1);
  await settings.getByLabel('Model').fill('gpt-5.2-mini');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toHaveCount(0);

  await composer(page).fill('Via the backup');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).last()).toContainText('Echo: Via the backup');
  const last = completions(fake.requests).at(-1);
  expect(last?.headers['authorization']).toBe('Bearer backup-token');
  expect((last?.body as { model?: string }).model).toBe('gpt-5.2-mini');
});

test('providers: edit, make default and delete', async ({ page, parley }) => {
  await page.goto(parley.url);
  const dialog = await openSettings(page);
  await addProvider(dialog, 'Spare', parley.fake.baseUrl, 'spare-token');

  await dialog.getByRole('button', { name: 'Edit Spare' }).click();
  const editor = dialog.getByRole('group', { name: 'Edit Spare' });
  await editor.getByLabel('Provider name').fill('Spare two');
  await editor.getByRole('button', { name: 'Save provider' }).click();
  const row = dialog.getByRole('listitem', { name: 'Spare two' });
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: 'Make Spare two the default' }).click();
  await expect(row).toContainText('Default');
  // The default cannot be deleted; the old default now can.
  await expect(row.getByRole('button', { name: 'Delete Spare two' })).toHaveCount(0);
  const other = dialog.getByRole('listitem').filter({ hasNotText: 'Spare two' }).first();
  await other.getByRole('button', { name: /^Make .* the default$/ }).click();
  await expect(row).not.toContainText('Default');
  await row.getByRole('button', { name: 'Delete Spare two' }).click();
  await expect(row).toHaveCount(0);
});

test('the proxy setting is checked and saved', async ({ page, parley }) => {
  await page.goto(parley.url);
  let dialog = await openSettings(page);
  await dialog.getByLabel('Proxy').fill('not a proxy');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('The proxy must be an http:// or https:// address');

  await dialog.getByLabel('Proxy').fill('http://proxy.example.com:8080');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  dialog = await openSettings(page);
  await expect(dialog.getByLabel('Proxy')).toHaveValue('http://proxy.example.com:8080');
});

test('Test connection says what the provider answered, per provider', async ({ page, parley }) => {
  await page.goto(parley.url);
  const dialog = await openSettings(page);
  const row = dialog.getByRole('listitem').filter({ hasText: 'Default' });
  await row.getByRole('button', { name: /^Test connection to / }).click();
  await expect(row.getByRole('status')).toHaveText(/accepted the token\.$/);
  parley.fake.setCredits({ kind: 'http-error', status: 401 });
  await row.getByRole('button', { name: /^Test connection to / }).click();
  await expect(row.getByRole('status')).toHaveText(/did not accept this token\.$/);
  const sent = parley.fake.requests.filter((r) => r.path === '/v1/credits').at(-1);
  expect(sent?.headers['authorization']).toBe('Bearer test-token');
});
