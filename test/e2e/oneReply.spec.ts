import { isTitleRequest, lastUserText } from '../support/fakeProvider.ts';
import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, userMessages } from './helpers.ts';

// Finding 5: two pages (two tabs, or the main window and the quick prompt) asking at once in one
// conversation get one reply; the other page is told why, and nothing is attached under a reply
// that is still being written.

test('two pages sending at the same moment in one conversation: one reply, the other page told why', async ({ page, context, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Question one');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Question one');

  const other = await context.newPage();
  await other.goto(parley.url);
  await other.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Question one' }).click();
  await expect(assistantMessages(other)).toContainText('Echo: Question one');

  parley.fake.enqueue({ kind: 'stream', chunks: ['A long ', 'answer ', 'to one of them.'], delayMs: 20 });
  parley.fake.enqueue({ kind: 'stream', chunks: ['A second answer.'], delayMs: 20 });
  const held = parley.fake.hold();
  await composer(page).fill('Question two');
  await composer(other).fill('Question three');
  await Promise.all([composer(page).press('Enter'), composer(other).press('Enter')]);

  // One page wins. The other is refused by main (usually: both calls are in flight at once), or,
  // when the winner's stream reached it first, its own composer held the text back.
  const refusal = /still being written in this conversation/;
  const refused = async (): Promise<number> => (await page.getByText(refusal).count()) + (await other.getByText(refusal).count());
  const keptText = async (): Promise<number> =>
    Number((await composer(page).inputValue()) === 'Question two') + Number((await composer(other).inputValue()) === 'Question three');
  await expect.poll(keptText).toBe(1);
  expect(await refused()).toBeLessThanOrEqual(1);
  held.release();
  for (const p of [page, other]) await expect(assistantMessages(p).last()).toContainText(/A long answer to one of them\.|Echo/);
  await expect(page.getByRole('log')).toHaveAttribute('aria-busy', 'false');

  const chatRequests = parley.fake.requests.filter((r) => r.path === '/v1/chat/completions' && !isTitleRequest(r.body));
  expect(chatRequests.map((r) => lastUserText(r.body))).toHaveLength(2);
  const second = chatRequests[1]!.body as { messages: Array<{ role: string }> };
  expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  // Both pages show the same path: one question answered, the refused text still in its box.
  await page.reload();
  await expect(userMessages(page)).toHaveCount(2);
  await expect(assistantMessages(page)).toHaveCount(2);
  await other.close();
});
