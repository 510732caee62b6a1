import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, messageLog, screenshotBothSchemes, storedReplyText, userMessages } from './helpers.ts';

const completions = (requests: { path: string }[]) => requests.filter((r) => r.path === '/v1/chat/completions');

test('Enter sends; the reply streams in, and is in the database while it streams', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'stream', chunks: ['Tide pools ', 'hold small ', 'worlds.'], delayMs: 10, usage: { promptTokens: 21, completionTokens: 9, reasoningTokens: 4 } });
  const held = fake.hold();
  await page.goto(parley.url);

  await composer(page).fill('Tell me about tide pools');
  await composer(page).press('Enter');
  await expect(userMessages(page)).toHaveText(/Tell me about tide pools/);
  await expect(composer(page)).toHaveValue('');
  await expect(composer(page)).toBeFocused();

  // The provider paused after its first chunk: that part shows, the rest cannot have arrived.
  const reply = assistantMessages(page);
  await expect(reply).toContainText('Tide pools');
  await expect(reply).not.toContainText('hold small');
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  // Batches reach the database as they stream, so a crash now keeps what has arrived.
  await expect.poll(() => storedReplyText(parley.dataDir)).toContain('Tide pools');

  held.release();
  await expect(reply).toContainText('Tide pools hold small worlds.');
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  await expect(reply).toContainText('21 prompt');
  await expect(reply).toContainText('9 completion');
  await expect(reply).toContainText('4 reasoning');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  expect(completions(fake.requests)).toHaveLength(1);
  await screenshotBothSchemes(page, 'chat-with-reply');
});

test('a reload mid-stream shows what has arrived and then the rest', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'stream', chunks: ['First words, ', 'then more, ', 'then the end.'], delayMs: 10 });
  const held = parley.fake.hold();
  await page.goto(parley.url);
  await composer(page).fill('Keep going');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('First words,');
  await expect.poll(() => storedReplyText(parley.dataDir)).toContain('First words,');

  await page.reload();
  const reply = assistantMessages(page);
  await expect(reply).toContainText('First words,');
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'true');
  held.release();
  await expect(reply.getByText('First words, then more, then the end.', { exact: true })).toBeVisible();
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
});

test('Shift+Enter adds a new line instead of sending', async ({ page, parley }) => {
  await page.goto(parley.url);
  const input = composer(page);
  await input.fill('line one');
  await input.press('Shift+Enter');
  await input.pressSequentially('line two');
  await expect(input).toHaveValue('line one\nline two');
  await expect(userMessages(page)).toHaveCount(0);

  await input.press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: line one\nline two');
  expect(await userMessages(page).innerText()).toContain('line one\nline two');
});

test('Stop keeps the partial reply, marked as stopped', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'stream', chunks: ['The first part', ' and the rest'], delayMs: 10 });
  const held = fake.hold();
  await page.goto(parley.url);
  await composer(page).fill('Write something long');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(reply).toContainText('The first part');

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(reply).toContainText('Stopped');
  await expect(reply).toContainText('The first part');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  held.release();
  await expect(reply).not.toContainText('and the rest');

  // Stopped is what main stored, not just what the page shows.
  await page.reload();
  await expect(assistantMessages(page)).toContainText('The first part');
  await expect(assistantMessages(page)).toContainText('Stopped');
});

test('a provider error shows an alert and keeps the message', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'http-error', status: 401, error: { message: 'Incorrect API key provided.' } });
  await page.goto(parley.url);
  await composer(page).fill('Are you there?');
  await composer(page).press('Enter');

  const alert = assistantMessages(page).getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).not.toBeEmpty();
  await expect(userMessages(page)).toContainText('Are you there?');
  await screenshotBothSchemes(page, 'chat-provider-error');

  await page.reload();
  await expect(userMessages(page)).toContainText('Are you there?');
  await expect(assistantMessages(page).getByRole('alert')).toBeVisible();

  // The conversation goes on after the failure.
  await composer(page).fill('Second try');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).last()).toContainText('Echo: Second try');
});
