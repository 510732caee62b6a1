import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/browserMode.ts';
import { importConversations, longConversation } from '../support/parleyImport.ts';

// The virtual list takes Search's jump through features/chat/messageReveal.ts (it pages back to the
// message); until Search calls it, the jump can only find messages already rendered.
const searchUsesListReveal = readFileSync(join(import.meta.dirname, '../../renderer/src/features/search/useConversationSearch.ts'), 'utf8').includes(
  'chat/messageReveal',
);

test("Search's jump-to-message reaches a message deep in a 10,000-message conversation and highlights it", async ({ page, parley }) => {
  test.fixme(!searchUsesListReveal, 'Search does not call revealMessage from features/chat/messageReveal.ts yet');
  const long = longConversation('huge', 'Ten thousand', 10_000);
  // A word found once, near the start (its page is far from the newest one the window loads first).
  const target = long.messages[120];
  if (!target) throw new Error('no message 120');
  target.content = 'The zanzibar plan: start with the first chapter.';
  await importConversations(parley.url, [long]);
  await page.goto(parley.url);

  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('zanzibar');
  const result = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(result).toContainText('zanzibar');
  await result.click();

  const found = page.getByRole('article').filter({ hasText: 'The zanzibar plan' });
  await expect(found).toBeInViewport({ timeout: 20_000 });
  await expect(found).toBeFocused();
  await expect(found).toHaveAttribute('aria-posinset', '121');
  await expect(found).toHaveAttribute('aria-setsize', '10000');
  await expect(found).toHaveClass(/message--found/);
  // Still virtual after the walk back: far fewer articles than messages.
  expect(await page.getByRole('article').count()).toBeLessThan(200);
});
