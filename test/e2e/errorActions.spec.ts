import { expect, test } from '../support/browserMode.ts';
import type { FakeProvider, RecordedRequest } from '../support/fakeProvider.ts';
import type { Page } from '@playwright/test';
import { assistantMessages, composer } from './helpers.ts';

const completions = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/v1/chat/completions');

async function ask(page: Page, url: string, text = 'Hello'): Promise<void> {
  await page.goto(url);
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

/** Retry on the failed reply itself asks again, in place, and the answer replaces the error. */
async function retryWorks(page: Page, fake: FakeProvider, answer: string): Promise<void> {
  fake.enqueue({ kind: 'stream', chunks: [answer] });
  const reply = assistantMessages(page);
  await reply.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(reply).toContainText(answer);
  await expect(reply.getByRole('alert')).toHaveCount(0);
  await expect(assistantMessages(page)).toHaveCount(1);
  expect(completions(fake.requests)).toHaveLength(2);
}

test('401: one sentence, Open Settings opens the provider with its token field focused, then Retry works', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'http-error', status: 401, error: { message: 'Invalid token', type: 'invalid_request_error' } });
  await ask(page, parley.url);
  const alert = assistantMessages(page).getByRole('alert');
  await expect(alert.locator('p')).toHaveText(/^127\.0\.0\.1:\d+ rejected the API token\.$/);
  await alert.getByRole('button', { name: 'Open Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('group', { name: /^Edit / })).toBeVisible();
  await expect(dialog.getByLabel('Provider API token')).toBeFocused();
  await dialog.getByRole('button', { name: 'Close Settings' }).click();
  await expect(dialog).toBeHidden();
  await retryWorks(page, parley.fake, 'Token fixed.');
});

test('402: says the account is out of credits, and Retry works', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'http-error', status: 402, error: { message: 'Insufficient credits' } });
  await ask(page, parley.url);
  const alert = assistantMessages(page).getByRole('alert');
  await expect(alert).toContainText('is out of credits.');
  await expect(alert).not.toContainText('Insufficient credits');
  await retryWorks(page, parley.fake, 'Credits topped up.');
});

test('404: names the model, Open Settings opens the provider, and Retry works', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'http-error', status: 404, error: { message: 'The model does not exist' } });
  await ask(page, parley.url);
  const alert = assistantMessages(page).getByRole('alert');
  await expect(alert).toContainText('does not know the model "gpt-5.2"');
  await alert.getByRole('button', { name: 'Open Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('group', { name: /^Edit / })).toBeVisible();
  await page.keyboard.press('Escape'); // closes the provider editor
  await page.keyboard.press('Escape'); // closes Settings
  await expect(dialog).toBeHidden();
  await retryWorks(page, parley.fake, 'Found it.');
});

test('500: the provider had a problem, and Retry works', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'http-error', status: 500, error: { message: 'boom' } });
  await ask(page, parley.url);
  const alert = assistantMessages(page).getByRole('alert');
  await expect(alert).toContainText('had a problem of its own (HTTP 500)');
  await expect(alert.getByRole('button', { name: 'Open Settings' })).toHaveCount(0);
  await retryWorks(page, parley.fake, 'Recovered.');
});

test('a connection dropped mid-reply says so, and Retry asks again', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'drop', chunks: ['Half a '] });
  await ask(page, parley.url, 'Are you there?');
  const reply = assistantMessages(page);
  // The provider answered, then the connection broke: not "could not reach".
  await expect(reply.getByRole('alert')).toContainText('dropped in the middle of the reply');
  await expect(reply.getByRole('alert')).not.toContainText('Could not reach');
  parley.fake.enqueue({ kind: 'stream', chunks: ['Back ', 'online.'] });
  await reply.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(reply).toContainText('Back online.');
  await expect(assistantMessages(page)).toHaveCount(1);
  const sent = completions(parley.fake.requests).map((r) => JSON.stringify(r.body));
  expect(sent).toHaveLength(2);
  expect(sent[1]).toContain('Are you there?');
});

test('429 with Retry-After: a countdown, then a retry by itself that succeeds', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'http-error', status: 429, error: { message: 'Slow down' }, headers: { 'Retry-After': '1' } });
  fake.enqueue({ kind: 'stream', chunks: ['Made it ', 'after waiting.'] });
  await ask(page, parley.url);
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
  await ask(page, parley.url);
  const reply = assistantMessages(page);
  await expect(reply.getByText(/Retrying in \d+ s/)).toBeVisible();
  await reply.getByRole('button', { name: 'Retry now' }).click();
  await expect(reply).toContainText('Right away.');
});
