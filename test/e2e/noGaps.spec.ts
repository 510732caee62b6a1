import type { Page } from '@playwright/test';
import { expect, test } from '../support/browserMode.ts';
import type { ParleyServer } from '../support/browserMode.ts';
import { assistantMessages, composer, storedReplyText } from './helpers.ts';

// Finding 6: re-opening the conversation, reloading the page or losing the connection while a reply
// streams leaves no hole: the text on screen is the provider's, word for word. The provider holds
// the stream open after its last chunk, so what is on screen then came from deltas and snapshots,
// not from the finished message.

const CHUNKS = Array.from({ length: 60 }, (_, i) => `w${i} `);
const FULL = CHUNKS.join('').trim();

async function startLongReply(page: Page, parley: ParleyServer): Promise<{ release(): void }> {
  parley.fake.enqueue({ kind: 'stream', chunks: CHUNKS, delayMs: 25, holdAfter: CHUNKS.length - 1 });
  const held = parley.fake.hold();
  await page.goto(parley.url);
  await composer(page).fill('Count for me');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('w2 ');
  return held;
}

async function expectWholeReply(page: Page, parley: ParleyServer, held: { release(): void }): Promise<void> {
  // Everything but the end of the stream has been sent (and saved): the screen must show all of it.
  await expect.poll(() => storedReplyText(parley.dataDir)).toContain(FULL);
  await expect(page.getByRole('log')).toHaveAttribute('aria-busy', 'true');
  await expect(assistantMessages(page).last()).toContainText(FULL);
  held.release();
  await expect(page.getByRole('log')).toHaveAttribute('aria-busy', 'false');
  await expect(assistantMessages(page).last()).toContainText(FULL);
}

test('re-opening the conversation mid-stream', async ({ page, parley }) => {
  const held = await startLongReply(page, parley);
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Count for me' }).click();
  await expectWholeReply(page, parley, held);
});

test('reloading the page mid-stream', async ({ page, parley }) => {
  const held = await startLongReply(page, parley);
  await page.reload();
  await expectWholeReply(page, parley, held);
});

test('losing the connection mid-stream and reconnecting', async ({ page, parley }) => {
  // Keep a handle on the page's sockets so the test can drop one, as a flaky network would.
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const sockets: WebSocket[] = [];
    (window as unknown as { parleySockets: WebSocket[] }).parleySockets = sockets;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    };
  });
  const held = await startLongReply(page, parley);
  await page.evaluate(() => (window as unknown as { parleySockets: WebSocket[] }).parleySockets.at(-1)?.close());
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { parleySockets: WebSocket[] }).parleySockets.filter((s) => s.readyState === 1).length))
    .toBe(1);
  await expectWholeReply(page, parley, held);
});
