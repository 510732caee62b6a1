import { expect, test } from '../support/browserMode.ts';
import type { RecordedRequest } from '../support/fakeProvider.ts';
import { assistantMessages, composer, userMessages } from './helpers.ts';
import { RICH_REPLY, enqueueReply, screenshot } from './replyHelpers.ts';

const completions = (requests: RecordedRequest[]) => requests.filter((r) => r.path === '/v1/chat/completions');

/** The messages a chat request sent, as role: text. */
function sentMessages(request: RecordedRequest | undefined): string[] {
  const messages = (request?.body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  return messages.map((m) => `${m.role}: ${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`);
}

test('Regenerate keeps both replies as versions, and the API gets the path on screen', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'stream', chunks: ['First ', 'answer.'] });
  await page.goto(parley.url);
  await composer(page).fill('Name a colour');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(reply).toContainText('First answer.');

  fake.enqueue({ kind: 'stream', chunks: ['Second ', 'answer.'] });
  await reply.getByRole('button', { name: 'Regenerate' }).click();
  await expect(reply).toContainText('Second answer.');
  await expect(reply).toContainText('2 / 2');
  await expect(composer(page)).toBeFocused();
  // Both requests asked the same question.
  expect(completions(fake.requests).map((r) => sentMessages(r))).toEqual([['user: Name a colour'], ['user: Name a colour']]);

  await reply.getByRole('button', { name: 'Previous version' }).click();
  await expect(reply).toContainText('First answer.');
  await expect(reply).toContainText('1 / 2');
  await expect(reply.getByRole('button', { name: 'Previous version' })).toBeDisabled();

  fake.enqueue({ kind: 'stream', chunks: ['Third.'] });
  await composer(page).fill('And another?');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).nth(1)).toContainText('Third.');
  expect(sentMessages(completions(fake.requests)[2])).toEqual(['user: Name a colour', 'assistant: First answer.', 'user: And another?']);

  // The other version is still there, and stays after a reload.
  await page.reload();
  await expect(assistantMessages(page).first()).toContainText('First answer.');
  await assistantMessages(page).first().getByRole('button', { name: 'Next version' }).click();
  await expect(assistantMessages(page).first()).toContainText('Second answer.');
  // The branch of the second version has no follow-up.
  await expect(assistantMessages(page)).toHaveCount(1);
});

test('Edit resends a user message as a new version; the API gets the edited text', async ({ page, parley }) => {
  const { fake } = parley;
  await page.goto(parley.url);
  await composer(page).fill('Tell me about cats');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Tell me about cats');

  const question = userMessages(page);
  await question.getByRole('button', { name: 'Edit' }).click();
  const editor = question.getByRole('textbox', { name: 'Edit message' });
  await expect(editor).toBeFocused();
  await editor.fill('Tell me about dogs');
  await question.getByRole('button', { name: 'Save & resend' }).click();

  await expect(assistantMessages(page)).toContainText('Echo: Tell me about dogs');
  await expect(userMessages(page)).toContainText('Tell me about dogs');
  await expect(userMessages(page)).toContainText('2 / 2');
  await expect(composer(page)).toBeFocused();
  expect(sentMessages(completions(fake.requests).at(-1))).toEqual(['user: Tell me about dogs']);

  await userMessages(page).getByRole('button', { name: 'Previous version' }).click();
  await expect(userMessages(page)).toContainText('Tell me about cats');
  await expect(assistantMessages(page)).toContainText('Echo: Tell me about cats');
});

test('Up in an empty composer edits the last message; Esc cancels', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Hello there');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Hello there');

  await composer(page).press('ArrowUp');
  const editor = userMessages(page).getByRole('textbox', { name: 'Edit message' });
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue('Hello there');
  await editor.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(composer(page)).toBeFocused();

  await composer(page).press('ArrowUp');
  await editor.fill('Hello again');
  await editor.press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Hello again');
  await expect(composer(page)).toBeFocused();
});

test('screenshots: a reply with code and math, and its version switcher', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'stream', chunks: ['A shorter first version.'], usage: { promptTokens: 20, completionTokens: 8 } });
  await page.goto(parley.url);
  await composer(page).fill('Write release notes with code and math');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('A shorter first version.');
  enqueueReply(fake, RICH_REPLY);
  await assistantMessages(page).getByRole('button', { name: 'Regenerate' }).click();
  await expect(assistantMessages(page).locator('.katex').first()).toBeVisible();
  await expect(assistantMessages(page)).toContainText('2 / 2');
  await expect(assistantMessages(page).locator('pre code span').first()).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, `branches-rich-reply-${colorScheme}`);
  }
});
