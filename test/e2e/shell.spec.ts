import type { Locator, Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from '../support/browserMode.ts';
import { assistantMessages, composer, screenshotBothSchemes } from './helpers.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

/** Every child of the header sits on one line and inside the header. */
async function expectOneLine(header: Locator): Promise<void> {
  const outer = await box(header);
  const children = await header.locator(':scope > *').evaluateAll((nodes) =>
    nodes.map((node) => {
      const r = node.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, visible: r.width > 0 };
    }),
  );
  const shown = children.filter((c) => c.visible);
  expect(shown.length).toBeGreaterThanOrEqual(3);
  const middle = outer.y + outer.height / 2;
  for (const child of shown) {
    expect(child.top).toBeLessThan(middle);
    expect(child.bottom).toBeGreaterThan(middle);
    expect(child.right).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  }
  expect(outer.height).toBeLessThan(60);
}

test('at 800×600 the header stays on one line, nothing is clipped, and the sidebar folds away (button and Ctrl+B)', async ({ page, parley }) => {
  parley.fake.enqueue({
    kind: 'stream',
    chunks: ['Here is a reply.'],
    usage: { promptTokens: 123_456, completionTokens: 7_890, reasoningTokens: 1_234, cachedTokens: 99 },
  });
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(parley.url);
  await composer(page).fill('A rather long first question that becomes a rather long conversation title, longer than the header');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Here is a reply.');

  const header = page.locator('.chat__header');
  await expectOneLine(header);
  // The title comes first and gives way with an ellipsis; the rest is whole.
  await expect(header.locator(':scope > *').first()).toHaveClass(/chat__title/);
  await expect(page.getByRole('button', { name: 'Conversation totals: 131k tokens' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Conversation settings' })).toBeInViewport({ ratio: 1 });

  // The last reply's action row is fully on screen.
  const actions = assistantMessages(page).locator('.message__actions');
  await expect(actions.getByRole('button', { name: 'Regenerate' })).toBeInViewport({ ratio: 1 });
  await screenshotBothSchemes(page, 'shell-800');

  // Keyboard only: the toggle is a real button; Ctrl+B does the same.
  const toggle = page.getByRole('button', { name: 'Hide sidebar' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(sidebar(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show sidebar' })).toHaveAttribute('aria-expanded', 'false');
  await expectOneLine(header);
  await screenshotBothSchemes(page, 'shell-800-collapsed');
  expect(await seriousA11yViolations(page)).toEqual([]);
  // Remembered across a reload.
  await page.reload();
  await expect(sidebar(page)).toBeHidden();
  await composer(page).focus();
  await page.keyboard.press('Control+b');
  await expect(sidebar(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide sidebar' })).toHaveAttribute('aria-expanded', 'true');
});

test('Ctrl+/ opens the keyboard-shortcut sheet; Esc closes it', async ({ page, parley }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(parley.url);
  // The favicon is Parley's icon, and the page's own policy lets it load.
  const iconLoads = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href;
        if (!href) return resolve(false);
        const image = new Image();
        image.onload = () => resolve(image.naturalWidth > 0);
        image.onerror = () => resolve(false);
        image.src = href;
      }),
  );
  expect(iconLoads).toBe(true);
  await composer(page).focus();
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Ctrl\+N\s*New chat/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Ctrl\+B\s*Show or hide the sidebar/ })).toBeVisible();
  await expect(sheet).toBeInViewport({ ratio: 1 });
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshotBothSchemes(page, 'shortcut-sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(composer(page)).toBeFocused();
});

test('keyboard only: new chat, a message, and the reply actions are reachable with Tab', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Tab through me');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(reply).toContainText('Echo: Tab through me');
  const copy = reply.getByRole('button', { name: 'Copy', exact: true });
  await copy.focus();
  await page.keyboard.press('Tab');
  await expect(reply.getByRole('button', { name: 'Regenerate' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reply.getByText(/\d+ \/ 2|2 \/ 2/)).toBeVisible();
});
