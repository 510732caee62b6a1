import type { Page } from '@playwright/test';
import { expect, test } from '../support/browserMode.ts';
import type { RecordedRequest } from '../support/fakeProvider.ts';
import { assistantMessages, composer, userMessages } from './helpers.ts';

// A 1×1 PNG.
const PIXEL_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const PIXEL = Buffer.from(PIXEL_BASE64, 'base64');

const completions = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/v1/chat/completions');

/** The image_url parts of the last user message a request sent. */
function imageUrls(request: RecordedRequest | undefined): string[] {
  const messages = (request?.body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  const content = messages.findLast((m) => m.role === 'user')?.content;
  if (!Array.isArray(content)) return [];
  return content
    .filter((part: { type?: string }) => part.type === 'image_url')
    .map((part: { image_url?: { url?: string } }) => part.image_url?.url ?? '');
}

async function attachWithPicker(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach image' }).click();
  await (await chooser).setFiles(files);
}

/** Hands the page a file the way paste or drop would (a DataTransfer holding it). */
async function dispatchWithFile(page: Page, selector: string, type: 'paste' | 'drop'): Promise<void> {
  await page.evaluate(
    ({ selector, type, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], `${type}d.png`, { type: 'image/png' }));
      const target = document.querySelector(selector)!;
      if (type === 'paste') {
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      } else {
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { selector, type, base64: PIXEL_BASE64 },
  );
}

test('Attach image: a thumbnail before sending, in the sent message, and an image_url part for the provider', async ({ page, parley }) => {
  await page.goto(parley.url);
  await attachWithPicker(page, [{ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL }]);
  const tray = page.getByRole('list', { name: 'Images to send' });
  await expect(tray.getByRole('img', { name: 'pixel.png' })).toBeVisible();
  await expect(composer(page)).toBeFocused();

  await composer(page).fill('What is in this picture?');
  await composer(page).press('Enter');
  await expect(userMessages(page).getByRole('img', { name: 'pixel.png' })).toBeVisible();
  await expect(tray).toHaveCount(0);
  await expect(assistantMessages(page)).toContainText('Echo: What is in this picture?');
  expect(imageUrls(completions(parley.fake.requests)[0])).toEqual([`data:image/png;base64,${PIXEL_BASE64}`]);
});

test('an image alone can be sent, and a thumbnail can be removed before sending', async ({ page, parley }) => {
  await page.goto(parley.url);
  await attachWithPicker(page, [
    { name: 'one.png', mimeType: 'image/png', buffer: PIXEL },
    { name: 'two.png', mimeType: 'image/png', buffer: PIXEL },
  ]);
  const tray = page.getByRole('list', { name: 'Images to send' });
  await expect(tray.getByRole('img')).toHaveCount(2);
  await tray.getByRole('button', { name: 'Remove one.png' }).click();
  await expect(tray.getByRole('img')).toHaveCount(1);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(userMessages(page).getByRole('img', { name: 'two.png' })).toBeVisible();
  await expect(assistantMessages(page)).toHaveCount(1);
  await expect.poll(() => imageUrls(completions(parley.fake.requests)[0]).length).toBe(1);
});

test('paste and drop attach images too', async ({ page, parley }) => {
  await page.goto(parley.url);
  await expect(composer(page)).toBeFocused();
  await dispatchWithFile(page, 'textarea.composer__input', 'paste');
  await dispatchWithFile(page, 'form.composer', 'drop');
  const tray = page.getByRole('list', { name: 'Images to send' });
  await expect(tray.getByRole('img', { name: 'pasted.png' })).toBeVisible();
  await expect(tray.getByRole('img', { name: 'dropd.png' })).toBeVisible();
});

test('an image over 8 MB, or one too many, is refused with a clear message; the text stays', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Keep this text');
  await attachWithPicker(page, [{ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(9 * 1024 * 1024) }]);
  await expect(page.getByRole('alert')).toContainText('huge.png is too large');
  await expect(page.getByRole('alert')).toContainText('8 MB');
  await expect(page.getByRole('list', { name: 'Images to send' })).toHaveCount(0);
  await expect(composer(page)).toHaveValue('Keep this text');

  const nine = Array.from({ length: 9 }, (_, i) => ({ name: `p${i}.png`, mimeType: 'image/png', buffer: PIXEL }));
  await attachWithPicker(page, nine);
  await expect(page.getByRole('alert')).toContainText('at most 8 images');
  await expect(page.getByRole('list', { name: 'Images to send' }).getByRole('img')).toHaveCount(8);
});
