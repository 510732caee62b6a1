import type { Locator } from '@playwright/test';
import { callParley, expect, test } from '../support/browserMode.ts';
import type { ProviderList } from '../../shared/contract/providers.ts';
import { addProvider, openSettings } from './providerHelpers.ts';

// Finding 4 through the UI: moving a provider with a stored token to another host asks first;
// "Forget the token" drops it before the new host could see it, "Keep the token" keeps it.

async function moveProvider(dialog: Locator, name: string, baseUrl: string, answer: 'Keep the token' | 'Forget the token'): Promise<void> {
  await dialog.getByRole('button', { name: `Edit ${name}` }).click();
  const editor = dialog.getByRole('group', { name: `Edit ${name}` });
  await editor.getByLabel('Provider base URL').fill(baseUrl);
  await editor.getByRole('button', { name: 'Save provider' }).click();
  const question = editor.getByRole('alert').filter({ hasText: 'would go to a new host' });
  await expect(question).toContainText(new URL(baseUrl).host);
  await dialog.page().screenshot({ path: `test-results/screenshots/token-question-${name.toLowerCase()}.png` });
  await question.getByRole('button', { name: answer }).click();
  await expect(editor).toHaveCount(0);
}

test('a provider moved to another host keeps its token only when the user says so', async ({ page, parley }) => {
  const { fake } = parley;
  // The same fake provider under another host name: what it receives there is what a new host would.
  const elsewhere = fake.baseUrl.replace('127.0.0.1', 'localhost');
  await page.goto(parley.url);
  const dialog = await openSettings(page);
  await addProvider(dialog, 'Spare', fake.baseUrl, 'spare-token');
  await addProvider(dialog, 'Other', fake.baseUrl, 'other-token');

  await moveProvider(dialog, 'Spare', elsewhere, 'Forget the token');
  await moveProvider(dialog, 'Other', elsewhere, 'Keep the token');

  const listed = await callParley(parley.url, 'providers:list');
  if (!listed.ok) throw new Error(listed.error.message);
  const byName = new Map((listed.value as ProviderList).providers.map((p) => [p.name, p]));
  expect(byName.get('Spare')).toMatchObject({ baseUrl: elsewhere, hasToken: false });
  expect(byName.get('Other')).toMatchObject({ baseUrl: elsewhere, hasToken: true });
  await expect(dialog.getByRole('listitem', { name: 'Other' })).toContainText('Token set');
  await expect(dialog.getByRole('listitem', { name: 'Spare' })).not.toContainText('Token set');

  // Ask both for their models: the forgotten token never reaches the new host, the kept one does.
  await callParley(parley.url, 'providers:models', { providerId: byName.get('Spare')!.id });
  await callParley(parley.url, 'providers:models', { providerId: byName.get('Other')!.id });
  const sentElsewhere = fake.requests.filter((r) => String(r.headers['host']).startsWith('localhost')).map((r) => r.headers['authorization']);
  expect(sentElsewhere).toContain('Bearer other-token');
  expect(sentElsewhere).not.toContain('Bearer spare-token');
});
