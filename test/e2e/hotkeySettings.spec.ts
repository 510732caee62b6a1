import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { SettingsView } from '../../shared/settings.ts';
import { callParley, expect, test } from '../support/browserMode.ts';

// Settings for the quick prompt's global shortcut and for the tray, in browser mode (where main has no
// global shortcut to register, and says so).

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const BROWSER_MODE_STATUS = /Global shortcuts are a desktop-app feature/;

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByLabel('Model')).toBeVisible();
  return dialog;
}

async function storedSettings(serverUrl: string): Promise<SettingsView['settings']> {
  const result = await callParley(serverUrl, 'settings:get');
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as SettingsView).settings;
}

test('the shortcut field refuses a bad shortcut, saves a good one, and shows what main made of it', async ({ page, parley }) => {
  await page.goto(parley.url);
  const dialog = await openSettings(page);
  const field = dialog.getByRole('textbox', { name: 'Quick prompt shortcut' });
  const tray = dialog.getByRole('checkbox', { name: 'Keep running in the tray when the window is closed' });
  const status = dialog.getByRole('status').filter({ hasText: /shortcut/i });
  await expect(field).toHaveValue('CommandOrControl+Shift+Space');
  await expect(tray).not.toBeChecked();
  await expect(status).toHaveText(BROWSER_MODE_STATUS);
  // Wayland users are told the other way to open the quick prompt.
  await expect(dialog.getByText('parley --quick')).toBeVisible();

  // Checked as soon as the field is left: Shift alone would steal the key from every app.
  await field.fill('Shift+A');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await field.press('Tab');
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('would take that key away from every other app');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await dialog.screenshot({ path: join(SCREENSHOTS, 'settings-hotkey-error.png') });

  // Save refuses it too, and keeps the dialog open; nothing reaches the settings.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(alert).toContainText('would take that key away');
  await expect(dialog).toBeVisible();
  expect((await storedSettings(parley.url)).quickPromptHotkey).toBe('CommandOrControl+Shift+Space');

  await field.fill('Ctrl+Bogus');
  await expect(alert).toContainText('"Bogus" is not a key');

  // Fixing it clears the message at once.
  await field.fill('ctrl + alt + k');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await tray.check();
  await dialog.getByRole('button', { name: 'Save' }).click();

  // Saved in canonical form. Main could not set it (browser mode), so the dialog stays to say so.
  await expect.poll(async () => (await storedSettings(parley.url)).quickPromptHotkey).toBe('Control+Alt+K');
  expect((await storedSettings(parley.url)).closeToTray).toBe(true);
  await expect(status).toHaveText(/^Saved, but the shortcut is not active\. Global shortcuts are a desktop-app feature/);
  await expect(field).toHaveValue('Control+Alt+K');
  await dialog.screenshot({ path: join(SCREENSHOTS, 'settings-hotkey-saved.png') });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  const again = await openSettings(page);
  await expect(again.getByRole('textbox', { name: 'Quick prompt shortcut' })).toHaveValue('Control+Alt+K');
  await expect(again.getByRole('checkbox', { name: 'Keep running in the tray when the window is closed' })).toBeChecked();
});

test('an empty shortcut turns the global shortcut off', async ({ page, parley }) => {
  await page.goto(parley.url);
  const dialog = await openSettings(page);
  await dialog.getByRole('textbox', { name: 'Quick prompt shortcut' }).fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect((await storedSettings(parley.url)).quickPromptHotkey).toBe('');
  const status = await callParley(parley.url, 'app:hotkeyStatus');
  expect(status).toMatchObject({ ok: true, value: { accelerator: '', registered: false } });

  const again = await openSettings(page);
  await expect(again.getByRole('textbox', { name: 'Quick prompt shortcut' })).toHaveValue('');
});

test('saving other settings leaves the shortcut alone and closes the dialog', async ({ page, parley }) => {
  await page.goto(parley.url);
  const dialog = await openSettings(page);
  await dialog.getByRole('checkbox', { name: 'Keep running in the tray when the window is closed' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(await storedSettings(parley.url)).toMatchObject({ quickPromptHotkey: 'CommandOrControl+Shift+Space', closeToTray: true });
});
