import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from '../support/browserMode.ts';
import { connectClient } from '../support/serveProcess.ts';
import { composer, screenshotBothSchemes } from './helpers.ts';
import { screenshot } from './replyHelpers.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search conversations' });
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

const FILLER = 'Some notes about the weather, the week ahead and what to cook for dinner on a rainy evening. '.repeat(6);

/** Sends messages one after the other over the wire, each reply streamed to its end (the fake echoes). */
async function seedConversation(serverUrl: string, texts: string[]): Promise<string> {
  const client = await connectClient(serverUrl);
  try {
    let conversationId: string | undefined;
    for (const text of texts) {
      const sent = await client.value<{ conversationId: string; streamId: string }>('chat:send', { conversationId, text });
      conversationId = sent.conversationId;
      await client.waitForEvent((event) => {
        const payload = event.payload as { type?: string; streamId?: string };
        return event.channel === 'chat:event' && payload.streamId === sent.streamId && (payload.type === 'done' || payload.type === 'error');
      });
    }
    return conversationId!;
  } finally {
    client.close();
  }
}

test('search finds a word from an older conversation; the keyboard picks a result and Enter shows the message', async ({ page, parley }) => {
  // An older, long conversation with the word early on, then a newer one that is open.
  await seedConversation(parley.url, [
    'Planting a vegetable garden',
    `Should the aubergine seedlings go outside in May? ${FILLER}`,
    ...Array.from({ length: 8 }, (_, i) => `Question ${i + 1} about compost. ${FILLER}`),
  ]);
  await seedConversation(parley.url, ['Fixing a bicycle chain']);

  await page.goto(parley.url);
  await sidebar(page).getByRole('button', { name: 'Fixing a bicycle chain' }).click();
  await composer(page).click();

  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('auberg');
  // The results take the list's place: the user message and the echoed reply.
  await expect(results(page)).toHaveCount(2);
  await expect(sidebar(page).getByRole('button', { name: 'Fixing a bicycle chain' })).toHaveCount(0);
  await expect(results(page).first()).toContainText('Planting a vegetable garden');
  await expect(results(page).first().locator('mark')).toHaveText(['aubergine']);
  await screenshotBothSchemes(page, 'search-results');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Up and Down move the highlighted result; focus stays in the box.
  await expect(results(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(results(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(results(page).nth(0)).toHaveAttribute('aria-selected', 'false');
  const secondId = await results(page).nth(1).getAttribute('id');
  await expect(searchBox(page)).toHaveAttribute('aria-activedescendant', secondId!);
  await page.keyboard.press('ArrowDown');
  await expect(results(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(results(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(results(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(page)).toBeFocused();

  // Open the second result: find which message it is first.
  await page.keyboard.press('ArrowDown');
  const secondIsUser = (await results(page).nth(1).textContent())?.includes('You ·') ?? false;
  await page.keyboard.press('Enter');
  const target = page.getByRole('article', { name: secondIsUser ? 'You' : 'Assistant' }).filter({ hasText: 'Should the aubergine seedlings' });
  await expect(target).toBeInViewport();
  await expect(target).toBeFocused();
  await expect(target).toHaveClass(/message--found/);
  await expect(target).toHaveAttribute('id', /^message-/);
  await screenshot(page, 'search-jumped-to-message');
  // The results stay, the opened one still highlighted, for the next pick.
  await expect(results(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  // It is the older conversation that opened, scrolled up to the message (not pinned to the end).
  await expect(page.getByRole('article').filter({ hasText: 'Question 8 about compost' }).first()).not.toBeInViewport();

  // Esc clears the search and gives focus back; the list returns.
  await searchBox(page).focus();
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(searchBox(page)).not.toBeFocused();
  await expect(sidebar(page).getByRole('button', { name: 'Planting a vegetable garden' })).toHaveAttribute('aria-current', 'page');
  await expect(sidebar(page).getByRole('button', { name: 'Fixing a bicycle chain' })).toBeVisible();
});

test('no results says so, the snippet is text (never HTML), and Esc returns to the composer', async ({ page, parley }) => {
  await seedConversation(parley.url, ['Is <b>bold</b> a tag? Also mention rhubarb.']);
  await page.goto(parley.url);
  await composer(page).click();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('rhubarb');
  await expect(results(page)).toHaveCount(2);
  // The angle brackets arrive as text: no <b> element was made from a message.
  await expect(results(page).first()).toContainText('<b>bold</b>');
  await expect(results(page).first().locator('b')).toHaveCount(0);

  await searchBox(page).fill('zucchinizzz');
  await expect(page.getByRole('status').filter({ hasText: 'No results' })).toHaveText('No results for “zucchinizzz”.');
  await expect(results(page)).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expect(composer(page)).toBeFocused();
});

test('clicking a result opens the conversation at that message', async ({ page, parley }) => {
  await seedConversation(parley.url, ['A note on parsnips', 'And one on turnips']);
  await seedConversation(parley.url, ['Something else entirely']);
  await page.goto(parley.url);
  await searchBox(page).fill('turnips');
  await expect(results(page)).toHaveCount(2);
  await results(page).filter({ hasText: 'You ·' }).click();
  const target = page.getByRole('article', { name: 'You' }).filter({ hasText: 'And one on turnips' });
  await expect(target).toBeInViewport();
  await expect(sidebar(page).getByRole('listbox')).toBeVisible(); // the query stays until cleared
});
