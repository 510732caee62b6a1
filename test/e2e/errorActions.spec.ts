import { expect, test } from '../support/browserMode.ts';
import type { RecordedRequest } from '../support/fakeProvider.ts';
import { assistantMessages, composer } from './helpers.ts';

const completions = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/v1/chat/completions');

test('401: the reply says to check the API token, and Open Settings opens Settings', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'http-error', status: 401, error: { message: 'Invalid token', type: 'invalid_request_error' } });
  await page.goto(parley.url);
  await composer(page).fill('Hello');
  await composer(page).press('Enter');
  const alert = assistantMessages(page).getByRole('alert');
  await expect(alert).toContainText('check your API token');
  await alert.getByRole('button', { name: 'Open Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});

test('402: the reply says the account is out of credits', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'http-error', status: 402, error: { message: 'Insufficient credits' } });
  await page.goto(parley.url);
  await composer(page).fill('Hello');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).getByRole('alert')).toContainText('out of credits');
});

test('429 with Retry-After: a countdown, then a retry by itself that succeeds', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'http-error', status: 429, error: { message: 'Slow down' }, headers: { 'Retry-After': '1' } });
  fake.enqueue({ kind: 'stream', chunks: ['Made it ', 'after waiting.'] });
  await page.goto(parley.url);
  await composer(page).fill('Hello');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(reply.getByRole('alert')).toContainText('rate limiting');
  await expect(reply.getByText(/Retrying in \d s/)).toBeVisible();
  await expect(reply.getByRole('button', { name: 'Retry now' })).toBeVisible();
  // No click: the countdown runs out and the reply is asked for again.
  await expect(reply).toContainText('Made it after waiting.');
  await expect(reply.getByRole('alert')).toHaveCount(0);
  expect(completions(fake.requests)).toHaveLength(2);
});

test('429: Retry now does not wait for the countdown', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'http-error', status: 429, error: { message: 'Slow down' }, headers: { 'Retry-After': '120' } });
  fake.enqueue({ kind: 'stream', chunks: ['Right away.'] });
  await page.goto(parley.url);
  await composer(page).fill('Hello');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(reply.getByText(/Retrying in \d+ s/)).toBeVisible();
  await reply.getByRole('button', { name: 'Retry now' }).click();
  await expect(reply).toContainText('Right away.');
});

test('a dropped connection offers Retry, which asks again', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'drop', chunks: [] });
  fake.enqueue({ kind: 'stream', chunks: ['Back ', 'online.'] });
  await page.goto(parley.url);
  await composer(page).fill('Are you there?');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(reply.getByRole('alert')).toContainText('Could not reach the provider');
  await reply.getByRole('button', { name: 'Retry' }).click();
  await expect(reply).toContainText('Back online.');
  await expect(assistantMessages(page)).toHaveCount(1);
  // The retry asked the same question.
  const sent = completions(fake.requests).map((r) => JSON.stringify(r.body));
  expect(sent).toHaveLength(2);
  expect(sent[1]).toContain('Are you there?');
});
