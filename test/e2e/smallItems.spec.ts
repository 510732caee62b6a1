import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, userMessages } from './helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('Copy says "Copied" once, on the button itself', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Copy me');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(reply).toContainText('Echo: Copy me');
  const copy = reply.getByRole('button', { name: 'Copy', exact: true });
  await copy.click();
  await expect(copy).toHaveText('Copied');
  await expect(reply.getByRole('status')).toHaveText('Copied');
  // Seen once: the status is for screen readers only (a 1 px clipped box).
  const shown = await reply.locator('.copy-button *').evaluateAll((nodes) =>
    nodes.filter((n) => n.childElementCount === 0 && n.textContent === 'Copied' && n.getBoundingClientRect().width > 2).length,
  );
  expect(shown).toBe(1);
  await expect(copy).toHaveText('Copy');
});

test('importing a PNG says what it is, not a parser error', async ({ page, parley }) => {
  await page.goto(parley.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Export and import' }).click();
  await page.getByRole('menu', { name: 'Export and import' }).getByRole('menuitem', { name: 'Import…' }).click();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  const toast = page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'photo.png' });
  await expect(toast).toContainText('Could not import photo.png: That file is not valid JSON: it looks like a PNG image.');
  await expect(toast).not.toContainText(/Unexpected token|position \d/);
});

test('the message editor says it resends: "Save & resend"', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('First wording');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: First wording');
  await userMessages(page).getByRole('button', { name: 'Edit' }).click();
  await userMessages(page).getByRole('textbox', { name: 'Edit message' }).fill('Second wording');
  await userMessages(page).getByRole('button', { name: 'Save & resend' }).click();
  await expect(assistantMessages(page)).toContainText('Echo: Second wording');
});
