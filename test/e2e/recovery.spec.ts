import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, screenshotBothSchemes, storedReplyText } from './helpers.ts';

test('a reply cut off by a crash comes back marked interrupted, with a notice', async ({ page, parley }) => {
  // A SIGKILL and a fresh server start (its database recovery included) inside one test.
  test.slow();
  parley.fake.enqueue({ kind: 'stream', chunks: ['Half of an answer', ' and the other half'], delayMs: 10 });
  const held = parley.fake.hold();
  await page.goto(parley.url);
  await composer(page).fill('Start something');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Half of an answer');
  await expect.poll(() => storedReplyText(parley.dataDir)).toContain('Half of an answer');

  // The server dies mid-stream; what reached the database is all that is left.
  const url = await parley.restart('SIGKILL');
  held.release();
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Start something' }).click();
  const reply = assistantMessages(page);
  await expect(reply).toContainText('Half of an answer');
  await expect(reply).toContainText('Interrupted');
  await expect(reply).not.toContainText('the other half');

  const notice = page.getByRole('status').filter({ hasText: 'cut off' });
  await expect(notice).toBeVisible();
  await screenshotBothSchemes(page, 'notice-and-interrupted');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  // Dismissed on the server too: a reload does not bring it back.
  await page.reload();
  await expect(assistantMessages(page)).toContainText('Interrupted');
  await expect(page.getByRole('status').filter({ hasText: 'cut off' })).toBeHidden();
});

test.describe('with a broken settings file', () => {
  test.use({ serverOptions: { token: true, dataFiles: { 'settings.json': '{ this is not json' } } });

  test('the notice says so and can be dismissed', async ({ page, parley }) => {
    await page.goto(parley.url);
    const notice = page.getByRole('alert').filter({ hasText: 'settings file' });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
    await expect(composer(page)).toBeVisible();
  });
});
