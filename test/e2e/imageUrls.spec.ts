import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, userMessages } from './helpers.ts';

// A 1×1 PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a sent image is loaded by its signed URL (not carried in the message), also after a reload', async ({ page, parley }) => {
  await page.goto(parley.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach image' }).click();
  await (await chooser).setFiles([{ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL }]);
  await composer(page).fill('Look');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Look');

  for (const round of ['sent', 'reloaded']) {
    if (round === 'reloaded') await page.reload();
    const image = userMessages(page).getByRole('img', { name: 'pixel.png' });
    await expect(image, round).toHaveAttribute('src', /^\/images\/[0-9a-f]{64}\?t=[A-Za-z0-9_-]{43}$/);
    // Loaded under the page's CSP: the browser decoded the bytes.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { message: round }).toBe(1);
  }
  // Without its signature the same address is refused.
  const src = (await userMessages(page).getByRole('img', { name: 'pixel.png' }).getAttribute('src'))!;
  expect((await page.request.get(new URL(src.split('?')[0]!, page.url()).href)).status()).toBe(403);
});
