import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, messageLog } from './helpers.ts';
import { RICH_REPLY, enqueueReply } from './replyHelpers.ts';

const SCHEMES = ['light', 'dark'] as const;

/** axe's serious and critical findings, short enough to read in a failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => `${n.html} ${n.failureSummary ?? ''}`).join(', ')}`);
}

test.describe('first run', () => {
  test.use({ serverOptions: { token: false } });

  test('the first-run screen has no serious accessibility problems', async ({ page, parley }) => {
    await page.goto(parley.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toBeVisible();
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page), colorScheme).toEqual([]);
    }
  });
});

test('the chat with a rich reply, and Settings, have no serious accessibility problems', async ({ page, parley }) => {
  enqueueReply(parley.fake, RICH_REPLY);
  await page.goto(parley.url);
  await composer(page).fill('Show me code and math');
  await composer(page).press('Enter');
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  await expect(assistantMessages(page).locator('pre[data-highlighted]')).toBeVisible();
  await expect(assistantMessages(page).locator('.katex-display')).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `chat, ${colorScheme}`).toEqual([]);
  }

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Model')).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `settings, ${colorScheme}`).toEqual([]);
  }
});
