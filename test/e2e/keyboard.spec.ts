import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, messageLog, userMessages } from './helpers.ts';

// Linux: the shortcuts use Ctrl (Cmd on macOS).

test('Ctrl+N starts a new chat and puts the caret in the composer', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Planning a trip');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Planning a trip');

  await assistantMessages(page).getByRole('button', { name: 'Copy', exact: true }).focus();
  await page.keyboard.press('Control+n');
  await expect(userMessages(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'What would you like to talk about?' })).toBeVisible();
  await expect(composer(page)).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Planning a trip' })).not.toHaveAttribute('aria-current', 'page');
});

test('Esc stops a streaming reply, unless it is closing a dialog', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'stream', chunks: ['The first part', ' and the rest'], delayMs: 10 });
  const held = parley.fake.hold();
  await page.goto(parley.url);
  await composer(page).fill('Write something long');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(reply).toContainText('The first part');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();

  // With Settings open, Esc closes Settings and the reply goes on.
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(composer(page)).toBeFocused();
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'true');
  await expect(reply).not.toContainText('Stopped');

  await page.keyboard.press('Escape');
  await expect(reply).toContainText('Stopped');
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  await expect(composer(page)).toBeFocused();
  held.release();
  await expect(reply).not.toContainText('and the rest');
});

test('Ctrl+, opens Settings; closing it returns to the composer', async ({ page, parley }) => {
  await page.goto(parley.url);
  await page.getByRole('button', { name: 'New chat' }).focus();
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(composer(page)).toBeFocused();

  await page.keyboard.press('Control+,');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(composer(page)).toBeFocused();
});
