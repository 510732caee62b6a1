import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, messageLog } from './helpers.ts';
import { RICH_REPLY, bodyBackground, enqueueReply, screenshot } from './replyHelpers.ts';

// base.css: --bg is light-dark(#ffffff, #17191d).
const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(23, 25, 29)';

test('the theme follows the system until Settings picks one, which is saved', async ({ page, parley }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(parley.url);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'system');
  await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BG);
  // System follows the OS preference live, without a reload.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);

  // Picking a theme previews it; Cancel goes back to the saved one.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const themes = dialog.getByRole('group', { name: 'Theme' });
  await expect(themes.getByRole('radio', { name: 'System' })).toBeChecked();
  await themes.getByRole('radio', { name: 'Light' }).check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BG);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(html).toHaveAttribute('data-theme', 'system');
  await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);

  // Dark, saved, wins over a light system, and survives a reload.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await themes.getByRole('radio', { name: 'Dark' }).check();
  await screenshot(page, 'settings-theme-dark');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);
  await page.reload();
  await expect(composer(page)).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(themes.getByRole('radio', { name: 'Dark' })).toBeChecked();

  await themes.getByRole('radio', { name: 'Light' }).check();
  await screenshot(page, 'settings-theme-light');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BG);
});

test('a reply with code and math, in light and dark, and at 600 px wide', async ({ page, parley }) => {
  await page.setViewportSize({ width: 1100, height: 1000 });
  enqueueReply(parley.fake, RICH_REPLY);
  await page.goto(parley.url);
  await composer(page).fill('Show me code and math');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  await expect(reply.locator('pre[data-highlighted]')).toBeVisible();
  await expect(reply.locator('.katex-display')).toBeVisible();
  // KaTeX's fonts arrive with its stylesheet.
  await page.evaluate('document.fonts.ready.then(() => true)');

  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check();
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect.poll(() => bodyBackground(page)).toBe(theme === 'light' ? LIGHT_BG : DARK_BG);
    await screenshot(page, `reply-code-math-${theme}`);
  }

  await page.setViewportSize({ width: 600, height: 800 });
  await expect.poll(() => page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(600);
  // The code block and the table scroll inside the reply rather than widening the page.
  const replyBox = await reply.boundingBox();
  const codeBox = await reply.locator('.code-block').boundingBox();
  expect(codeBox && replyBox && codeBox.x + codeBox.width <= replyBox.x + replyBox.width + 1).toBe(true);
  await expect(page.getByRole('button', { name: 'Send' })).toBeInViewport();
  await screenshot(page, 'reply-code-math-600px-dark');
});
