import { lastUserText } from '../support/fakeProvider.ts';
import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, messageLog, storedReplyText } from './helpers.ts';

test('Continue takes up a reply cut off by a crash, in the same message, and it stays after a reload', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'stream', chunks: ['The first half of the answer', ' and a second half that never comes'], delayMs: 10 });
  const held = parley.fake.hold();
  await page.goto(parley.url);
  await composer(page).fill('Tell me a long story');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('The first half of the answer');
  await expect.poll(() => storedReplyText(parley.dataDir)).toContain('The first half of the answer');

  // The server dies mid-stream (SIGKILL) and comes back on the same data folder.
  const url = await parley.restart('SIGKILL');
  held.release();
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Tell me a long story' }).click();
  const reply = assistantMessages(page);
  await expect(reply).toContainText('Interrupted');
  const continueButton = reply.getByRole('button', { name: 'Continue' });
  await expect(continueButton).toBeVisible();

  const requestsBefore = parley.fake.requests.length;
  parley.fake.enqueue({ kind: 'stream', chunks: [', and then', ' the story ends well.'], delayMs: 20 });
  await continueButton.click();
  await expect(reply).toHaveText(/The first half of the answer, and then the story ends well\./);
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  await expect(assistantMessages(page)).toHaveCount(1);
  await expect(reply).not.toContainText('Interrupted');
  await expect(reply.getByRole('button', { name: 'Continue' })).toHaveCount(0);

  // The model was asked to go on from its own partial words.
  const continuation = parley.fake.requests.slice(requestsBefore).find((r) => r.path.endsWith('/chat/completions'));
  const messages = (continuation?.body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  expect(messages.some((m) => m.role === 'assistant' && m.content === 'The first half of the answer')).toBe(true);
  expect(lastUserText(continuation?.body)).toMatch(/continue/i);

  await page.reload();
  await expect(assistantMessages(page)).toHaveCount(1);
  await expect(assistantMessages(page)).toContainText('The first half of the answer, and then the story ends well.');
  await expect(assistantMessages(page).getByRole('button', { name: 'Continue' })).toHaveCount(0);
});

test('a reply stopped with Stop can be continued too', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'stream', chunks: ['Step one is', ' step two'], delayMs: 10 });
  const held = parley.fake.hold();
  await page.goto(parley.url);
  await composer(page).fill('List the steps');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(reply).toContainText('Step one is');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(reply).toContainText('Stopped');
  held.release();

  parley.fake.enqueue({ kind: 'stream', chunks: [' to plan,', ' step two is to do.'], delayMs: 10 });
  await reply.getByRole('button', { name: 'Continue' }).click();
  await expect(reply).toContainText('Step one is to plan, step two is to do.');
  await expect(reply).not.toContainText('Stopped');
  await expect(assistantMessages(page)).toHaveCount(1);
});
