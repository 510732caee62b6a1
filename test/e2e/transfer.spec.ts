import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { TEST_TOKEN, expect, startParleyServer, test } from '../support/browserMode.ts';
import { assistantMessages, composer, userMessages } from './helpers.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const toast = (page: Page) => page.getByRole('status').filter({ hasText: /Imported|Saved|Nothing new/ });

async function chat(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New chat' }).click();
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText(`Echo: ${text}`);
}

async function footerMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Export and import' }).click();
  await page.getByRole('menu', { name: 'Export and import' }).getByRole('menuitem', { name: item }).click();
}

async function downloadedText(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8');
}

/** Picks `file` in the file chooser that Import opens. */
async function importFile(page: Page, file: { name: string; buffer: Buffer } | string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await footerMenu(page, 'Import…');
  await (await chooser).setFiles(typeof file === 'string' ? file : { ...file, mimeType: 'application/json' });
}

test('Export all as JSON has every conversation and no token; importing it into a fresh Parley brings them back', async ({ page, parley }) => {
  await page.goto(parley.url);
  await chat(page, 'Planning a garden');
  await chat(page, 'Fixing a bicycle');

  const downloading = page.waitForEvent('download');
  await footerMenu(page, 'Export all as JSON');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^parley-export-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await downloadedText(download);
  expect(text).not.toContain(TEST_TOKEN);
  const file = JSON.parse(text) as { format: string; conversations: { title: string; messages: { content: string }[] }[] };
  expect(file.format).toBe('parley-export');
  expect(file.conversations.map((c) => c.title).sort()).toEqual(['Fixing a bicycle', 'Planning a garden']);
  expect(file.conversations.flatMap((c) => c.messages.map((m) => m.content))).toContain('Echo: Planning a garden');
  await expect(toast(page)).toContainText(`Saved ${download.suggestedFilename()}.`);
  const exported = await download.path();

  // A second Parley with an empty data folder.
  const fresh = await startParleyServer({ token: true });
  try {
    await page.goto(fresh.server.url);
    await expect(sidebar(page).getByText('No conversations yet.')).toBeVisible();
    await importFile(page, exported);
    await expect(toast(page)).toHaveText('Imported 2 conversations.');
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);
    await sidebar(page).getByRole('button', { name: 'Planning a garden' }).click();
    await expect(userMessages(page)).toHaveText(/Planning a garden/);
    await expect(assistantMessages(page)).toContainText('Echo: Planning a garden');

    // Importing it again merges: nothing is duplicated or overwritten.
    await importFile(page, exported);
    await expect(toast(page)).toHaveText('Nothing new: all 2 conversations are already here.');
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);
  } finally {
    await fresh.stop();
  }
});

test('one conversation exports as Markdown (and as JSON) from its menu', async ({ page, parley }) => {
  await page.goto(parley.url);
  await chat(page, 'Planning a garden');
  await chat(page, 'Fixing a bicycle');

  const row = sidebar(page).getByRole('listitem').filter({ hasText: 'Planning a garden' });
  await row.hover();
  await row.getByRole('button', { name: 'Conversation actions' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export as Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const markdown = await downloadedText(download);
  expect(markdown).toContain('Planning a garden');
  expect(markdown).toContain('Echo: Planning a garden');
  expect(markdown).not.toContain('Fixing a bicycle');
  expect(markdown).not.toContain(TEST_TOKEN);

  await row.hover();
  await row.getByRole('button', { name: 'Conversation actions' }).click();
  const downloadingJson = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export as JSON' }).click();
  const json = JSON.parse(await downloadedText(await downloadingJson)) as { conversations: { title: string }[] };
  expect(json.conversations.map((c) => c.title)).toEqual(['Planning a garden']);
});

/** A ChatGPT data export's conversations.json with one conversation: a root, a question, an answer. */
function chatGptExport(): Buffer {
  const node = (id: string, parent: string | null, children: string[], role: string | null, text: string, time: number) => ({
    id,
    parent,
    children,
    message: role ? { id, author: { role }, create_time: time, content: { content_type: 'text', parts: [text] }, metadata: {} } : null,
  });
  const conversation = {
    id: 'chatgpt-conv-1',
    title: 'Sourdough starter help',
    create_time: 1_700_000_000,
    update_time: 1_700_000_100,
    current_node: 'a2',
    mapping: {
      root: node('root', null, ['u1'], null, '', 0),
      u1: node('u1', 'root', ['a2'], 'user', 'My sourdough starter smells like nail polish. Is it dead?', 1_700_000_010),
      a2: node('a2', 'u1', [], 'assistant', 'It is hungry, not dead: feed it twice a day for a few days.', 1_700_000_020),
    },
  };
  return Buffer.from(JSON.stringify([conversation]));
}

test("importing a ChatGPT conversations.json, and a file that is neither, which is refused with a reason", async ({ page, parley }) => {
  await page.goto(parley.url);
  await importFile(page, { name: 'conversations.json', buffer: chatGptExport() });
  await expect(toast(page)).toHaveText('Imported 1 conversation.');
  await sidebar(page).getByRole('button', { name: 'Sourdough starter help' }).click();
  await expect(userMessages(page)).toHaveText(/smells like nail polish/);
  await expect(assistantMessages(page)).toContainText('feed it twice a day');

  await importFile(page, { name: 'notes.json', buffer: Buffer.from('{"hello": "world"}') });
  const alert = page.getByRole('alert').filter({ hasText: 'Could not import notes.json' });
  await expect(alert).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
});
