import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, startParleyServer, test } from '../support/browserMode.ts';
import { assistantMessages, composer, screenshotBothSchemes } from './helpers.ts';

const THOUGHTS = ['The user asks for 2 + 2. ', 'Adding two and two ', 'gives four.'];

async function exportAs(page: Page, item: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export and import' }).click();
  await page.getByRole('menu', { name: 'Export and import' }).getByRole('menuitem', { name: item }).click();
  return readFileSync(await (await downloading).path(), 'utf8');
}

test('reasoning streams into a folded block, is saved, exported, imported, and never sent back', async ({ page, parley }) => {
  const { fake } = parley;
  fake.enqueue({ kind: 'stream', reasoning: THOUGHTS, chunks: ['The answer ', 'is 4.'], delayMs: 400 });
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(parley.url);
  await composer(page).fill('What is 2 + 2?');
  await composer(page).press('Enter');

  const reply = assistantMessages(page);
  const thinking = reply.getByRole('button', { name: 'Thinking…' });
  await expect(thinking).toBeVisible();
  await expect(thinking).toHaveAttribute('aria-expanded', 'false');
  // One "Thinking…" only: the block replaces the plain placeholder.
  await expect(reply.getByText('Thinking…').filter({ visible: true })).toHaveCount(1);

  await expect(reply).toContainText('The answer is 4.');
  const toggle = reply.getByRole('button', { name: /^Thought for \d+ s$/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const block = reply.getByRole('region', { name: 'Reasoning' });
  await expect(block).toBeHidden();
  await toggle.click();
  await expect(block).toHaveText(THOUGHTS.join(''));
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshotBothSchemes(page, 'reasoning-open');

  // Saved: after a reload it is there, folded again.
  await page.reload();
  await expect(reply.getByRole('button', { name: /^Thought for \d+ s$/ })).toHaveAttribute('aria-expanded', 'false');
  await reply.getByRole('button', { name: /^Thought for \d+ s$/ }).press('Enter');
  await expect(reply.getByRole('region', { name: 'Reasoning' })).toHaveText(THOUGHTS.join(''));

  // Never sent back: the next request has the answer as context, not the thinking.
  await composer(page).fill('And 3 + 3?');
  await composer(page).press('Enter');
  await expect(assistantMessages(page).nth(1)).toContainText('Echo: And 3 + 3?');
  const second = JSON.stringify(fake.requests.filter((r) => r.path === '/v1/chat/completions')[1]?.body);
  expect(second).toContain('The answer is 4.');
  expect(second).not.toContain('Adding two and two');
  expect(second).not.toContain('reasoning');

  const json = await exportAs(page, 'Export all as JSON');
  const file = JSON.parse(json) as { conversations: { messages: { reasoning?: string; reasoningMs?: number }[] }[] };
  const exported = file.conversations[0]?.messages.find((m) => m.reasoning);
  expect(exported?.reasoning).toBe(THOUGHTS.join(''));
  expect(exported?.reasoningMs).toBeGreaterThan(0);
  const markdown = await exportAs(page, 'Export all as Markdown');
  expect(markdown).toMatch(/<details><summary>Thought for \d+ s<\/summary>/);
  expect(markdown).toContain('> The user asks for 2 + 2. Adding two and two gives four.');

  // Imported into a fresh Parley, the thinking comes along.
  const fresh = await startParleyServer({ token: true });
  try {
    await page.goto(fresh.server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Export and import' }).click();
    await page.getByRole('menu', { name: 'Export and import' }).getByRole('menuitem', { name: 'Import…' }).click();
    await (await chooser).setFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /2 \+ 2/ }).click();
    const imported = assistantMessages(page).first();
    await imported.getByRole('button', { name: /^Thought for \d+ s$/ }).click();
    await expect(imported.getByRole('region', { name: 'Reasoning' })).toHaveText(THOUGHTS.join(''));
  } finally {
    await fresh.stop();
  }
});

test('a reply without reasoning shows no reasoning block', async ({ page, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Plain question');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Plain question');
  await expect(assistantMessages(page).getByRole('button', { name: /Thought|Thinking/ })).toHaveCount(0);
});
