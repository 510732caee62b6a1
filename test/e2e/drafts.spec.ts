import type { Page } from '@playwright/test';
import { callParley, expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, userMessages } from './helpers.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

/** The draft main has stored for a conversation ('new': the new chat), read over the wire. */
async function storedDraft(serverUrl: string, conversationId: string): Promise<string> {
  const result = await callParley(serverUrl, 'drafts:get', { conversationId });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { text: string }).text;
}

/** The open conversation's id, from the address (#c=<id>). */
async function currentConversationId(page: Page): Promise<string> {
  await expect(page).toHaveURL(/#c=/);
  return decodeURIComponent(new URL(page.url()).hash.slice('#c='.length));
}

async function chat(page: Page, text: string): Promise<string> {
  await page.getByRole('button', { name: 'New chat' }).click();
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText(`Echo: ${text}`);
  return currentConversationId(page);
}

test('each conversation keeps its own draft, across switching and a reload', async ({ page, parley }) => {
  await page.goto(parley.url);
  const garden = await chat(page, 'Planning a garden');
  const bicycle = await chat(page, 'Fixing a bicycle');

  await composer(page).fill('Which gears should I');
  await sidebar(page).getByRole('button', { name: 'Planning a garden' }).click();
  await expect(composer(page)).toHaveValue('');
  await composer(page).fill('And where do the tomatoes go');
  await sidebar(page).getByRole('button', { name: 'Fixing a bicycle' }).click();
  await expect(composer(page)).toHaveValue('Which gears should I');

  // A new chat has a draft of its own too.
  await page.getByRole('button', { name: 'New chat' }).click();
  await expect(composer(page)).toHaveValue('');
  await composer(page).fill('An idea for later');

  await expect.poll(() => storedDraft(parley.url, bicycle)).toBe('Which gears should I');
  await expect.poll(() => storedDraft(parley.url, garden)).toBe('And where do the tomatoes go');
  await expect.poll(() => storedDraft(parley.url, 'new')).toBe('An idea for later');

  // Kept by main, so a reload (or a restart) brings them back.
  await page.reload();
  await expect(composer(page)).toHaveValue('An idea for later');
  await sidebar(page).getByRole('button', { name: 'Planning a garden' }).click();
  await expect(composer(page)).toHaveValue('And where do the tomatoes go');

  const url = await parley.restart();
  await page.goto(`${url}#c=${encodeURIComponent(bicycle)}`);
  await expect(composer(page)).toHaveValue('Which gears should I');
});

test('sending clears the draft it was sent from; emptying the box deletes it', async ({ page, parley }) => {
  await page.goto(parley.url);
  const garden = await chat(page, 'Planning a garden');

  await composer(page).fill('When do I water them?');
  await expect.poll(() => storedDraft(parley.url, garden)).toBe('When do I water them?');
  await composer(page).press('Enter');
  await expect(userMessages(page)).toHaveCount(2);
  await expect(composer(page)).toHaveValue('');
  await expect.poll(() => storedDraft(parley.url, garden)).toBe('');
  await page.reload();
  await expect(assistantMessages(page).last()).toContainText('Echo: When do I water them?');
  await expect(composer(page)).toHaveValue('');

  // A draft in a new chat that becomes a conversation goes too.
  await page.getByRole('button', { name: 'New chat' }).click();
  await composer(page).fill('A brand new topic');
  await expect.poll(() => storedDraft(parley.url, 'new')).toBe('A brand new topic');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: A brand new topic');
  await expect.poll(() => storedDraft(parley.url, 'new')).toBe('');
  await page.getByRole('button', { name: 'New chat' }).click();
  await expect(composer(page)).toHaveValue('');

  await composer(page).fill('Something I change my mind about');
  await expect.poll(() => storedDraft(parley.url, 'new')).toBe('Something I change my mind about');
  await composer(page).fill('');
  await expect.poll(() => storedDraft(parley.url, 'new')).toBe('');
});
