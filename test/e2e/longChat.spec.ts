import type { Page } from '@playwright/test';
import { expect, test } from '../support/browserMode.ts';
import { importConversations, longConversation } from '../support/parleyImport.ts';
import { composer, messageLog } from './helpers.ts';
import { enqueueReply, screenshot } from './replyHelpers.ts';

/** Pixels between the bottom of the scrolled content and the bottom of the view. */
const gapBelow = (page: Page) =>
  page.locator('.messages').evaluate((el) => Math.round(el.scrollHeight - el.scrollTop - el.clientHeight));

/** The same, two frames on: the list scrolls on the frame after the text grew. */
const gapAfterFrames = (page: Page) =>
  page
    .locator('.messages')
    .evaluate(
      (el) =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(Math.round(el.scrollHeight - el.scrollTop - el.clientHeight)))),
        ),
    );

test('a long conversation opens at its end, virtual, and follows a streamed reply until a scroll up', async ({ page, parley }) => {
  await importConversations(parley.url, [longConversation('long', 'A long chat', 2_000)]);
  await page.goto(parley.url);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'A long chat' }).click();

  const articles = messageLog(page).getByRole('article');
  await expect(articles.last()).toContainText('Answer 999.');
  await expect(articles.last()).toHaveAttribute('aria-posinset', '2000');
  await expect(articles.last()).toHaveAttribute('aria-setsize', '2000');
  expect(await articles.count()).toBeLessThan(100);
  await expect.poll(() => gapBelow(page)).toBeLessThan(4);
  await screenshot(page, 'long-conversation');

  // Sending brings the view down and it follows the reply, with the page painting all along.
  enqueueReply(parley.fake, Array.from({ length: 60 }, (_, i) => `Line ${i} of a long reply.`).join('\n\n'), 20);
  await composer(page).fill('Tell me more');
  await composer(page).press('Enter');
  // Mid-stream, painted: the view may trail the newest text by a frame (the list scrolls on the
  // frame after the text grew; on a busy machine a frame can hold many lines), but it keeps
  // catching up: a view that stopped following would fall further behind with every line.
  for (let i = 0; i < 6; i++) {
    await page.screenshot();
    await expect.poll(() => gapAfterFrames(page), { intervals: [0, 20, 50], timeout: 3_000 }).toBeLessThan(60);
  }
  await expect(articles.last()).toContainText('Line 59 of a long reply.');
  await expect.poll(() => gapBelow(page)).toBeLessThan(4);

  // A scroll up detaches; "Jump to latest" brings the view back down.
  await page.locator('.messages').hover();
  await page.mouse.wheel(0, -1_500);
  const jump = page.getByRole('button', { name: 'Jump to latest' });
  await expect(jump).toBeVisible();
  await expect.poll(() => gapBelow(page)).toBeGreaterThan(500);
  await screenshot(page, 'jump-to-latest');
  await jump.click();
  await expect.poll(() => gapBelow(page)).toBeLessThan(4);
  await expect(jump).toHaveCount(0);

  // Detached again, sending still brings the view down to the new message.
  await page.mouse.wheel(0, -1_500);
  await expect(jump).toBeVisible();
  enqueueReply(parley.fake, 'Short answer.');
  await composer(page).fill('And one more');
  await composer(page).press('Enter');
  await expect(articles.last()).toContainText('Short answer.');
  await expect.poll(() => gapBelow(page)).toBeLessThan(4);
});

test('scrolling up loads older pages without a jump; arrow keys move between messages', async ({ page, parley }) => {
  await importConversations(parley.url, [longConversation('older', 'Older pages', 400)]);
  await page.goto(parley.url);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Older pages' }).click();
  const articles = messageLog(page).getByRole('article');
  await expect(articles.last()).toHaveAttribute('aria-posinset', '400');
  // Up to the first message, page by page.
  await expect(async () => {
    await page.locator('.messages').evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(articles.first()).toHaveAttribute('aria-posinset', '1', { timeout: 500 });
  }).toPass();
  await expect(articles.first()).toContainText('Question 0:');

  await articles.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('article', { name: 'Assistant' }).filter({ hasText: 'Answer 0.' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('article', { name: 'You' }).filter({ hasText: 'Question 0:' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('article', { name: 'Assistant' }).filter({ hasText: 'Answer 199.' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('article', { name: 'You' }).filter({ hasText: 'Question 0:' })).toBeFocused();
});
