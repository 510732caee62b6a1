import type { Locator, Page } from '@playwright/test';
import { expect } from '../support/browserMode.ts';

// Settings' provider list, as the provider specs drive it.

export const settingsDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Settings' });

export async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = settingsDialog(page);
  await expect(dialog.getByRole('heading', { name: 'Providers' })).toBeVisible();
  return dialog;
}

/** Adds a provider with its token; where the machine has no keychain, keeps the token for the session. */
export async function addProvider(dialog: Locator, name: string, baseUrl: string, token: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Add provider' }).click();
  const editor = dialog.getByRole('group', { name: 'New provider' });
  await editor.getByLabel('Provider name').fill(name);
  await editor.getByLabel('Provider base URL').fill(baseUrl);
  await editor.getByLabel('Provider API token').fill(token);
  await editor.getByRole('button', { name: 'Save provider' }).click();
  const row = dialog.getByRole('listitem', { name });
  const keepForSession = editor.getByRole('button', { name: 'Keep for this session only' });
  // Wait for the outcome of saving the token, not merely for the row: under load the row can show
  // before a slow keychain has answered, and the offer to keep the token for the session comes later.
  await expect(row.filter({ hasText: 'Token set' }).or(keepForSession)).toBeVisible();
  if (await keepForSession.isVisible()) await keepForSession.click();
  await expect(row).toContainText('Token set');
}
