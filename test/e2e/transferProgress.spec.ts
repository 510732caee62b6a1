import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeSyntheticExport } from '../../bench/syntheticExport.ts';
import { expect, test } from '../support/browserMode.ts';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });

async function pickImport(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Export and import' }).click();
  await page.getByRole('menu', { name: 'Export and import' }).getByRole('menuitem', { name: 'Import…' }).click();
  await (await chooser).setFiles(file);
}

test('a large import shows its progress with Cancel; cancelling keeps whole conversations and says so', async ({ page, parley }) => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-progress-'));
  try {
    const file = join(dir, 'history.json');
    // Large enough (200,000 messages) that the import is still running when Cancel is clicked, however
    // quiet the machine: 60,000 messages could finish between the progress check and the click.
    await writeSyntheticExport(file, { conversations: 5000, messagesPerConversation: 40 });
    await page.goto(parley.url);
    await pickImport(page, file);
    const progress = page.getByRole('group', { name: 'Import progress' });
    await expect(progress).toBeVisible();
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(progress).toContainText(/Importing… [\d,]+ conversations/);
    await page.screenshot({ path: 'test-results/transfer-progress.png' });
    await progress.getByRole('button', { name: 'Cancel' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Import cancelled' });
    await expect(status).toBeVisible();
    await expect(progress).toHaveCount(0);
    const text = (await status.textContent()) ?? '';
    const kept = Number(/The ([\d,]+) conversations? imported before/.exec(text)?.[1]?.replace(/,/g, '') ?? 0);
    expect(kept).toBeLessThan(5000);
    // The list shows exactly the conversations that were kept, each one whole.
    if (kept > 0) await expect(sidebar(page).getByRole('button', { name: /^Conversation \d+/ })).not.toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
