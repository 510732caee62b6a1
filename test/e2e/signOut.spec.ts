import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer } from './helpers.ts';

// Finding 2: "Sign out of this browser" ends this browser's session on the server; another browser
// stays signed in, and the address from the terminal signs this one in again.

test('Sign out of this browser ends its session; the printed address signs it in again', async ({ page, parley, browser }) => {
  await page.goto(parley.url);
  await expect(composer(page)).toBeVisible();
  const otherBrowser = await browser.newContext();
  const other = await otherBrowser.newPage();
  await other.goto(parley.url);
  await expect(composer(other)).toBeVisible();

  // A new tab opened without the key has the cookie but no session secret: it is told how to sign in.
  const tab = await page.context().newPage();
  await tab.goto(new URL('/', parley.url).href);
  await expect(tab.getByText('open the address printed in the terminal')).toBeVisible();
  await tab.close();

  await page.getByRole('button', { name: 'Sign out of this browser' }).click();
  await expect(page.getByText('open the address printed in the terminal')).toBeVisible();
  await page.reload();
  await expect(page.getByText('open the address printed in the terminal')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

  await composer(other).fill('Still signed in?');
  await composer(other).press('Enter');
  await expect(assistantMessages(other)).toContainText('Echo: Still signed in?');
  await otherBrowser.close();

  await page.goto(parley.url);
  await expect(composer(page)).toBeVisible();
});
