import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from '@playwright/test';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
export const messageLog = (page: Page) => page.getByRole('log');
export const assistantMessages = (page: Page) => page.getByRole('article', { name: 'Assistant' });
export const userMessages = (page: Page) => page.getByRole('article', { name: 'You' });

/** Saves the page in light and dark, for a human (or an agent) to look at. */
export async function screenshotBothSchemes(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: null });
}

/**
 * Every stored piece of message text, read straight from the database file while the server runs.
 * Read-only, and only text columns: the test knows no more of the schema than that.
 */
export function storedTexts(dataDir: string): string[] {
  const db = new DatabaseSync(join(dataDir, 'parley.db'), { readOnly: true });
  try {
    const rows = [...db.prepare('SELECT content AS text FROM messages').all(), ...db.prepare('SELECT text FROM message_chunks').all()];
    return rows.map((row) => String(row['text'] ?? ''));
  } finally {
    db.close();
  }
}

/** The stored text of every reply, chunks joined: what a crash right now would leave behind. */
export function storedReplyText(dataDir: string): string {
  return storedTexts(dataDir).join('');
}
