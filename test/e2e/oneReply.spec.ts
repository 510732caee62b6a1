import type { Page } from '@playwright/test';
import { isTitleRequest, lastUserText } from '../support/fakeProvider.ts';
import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, userMessages } from './helpers.ts';

// Finding 5: a second page (another tab, or the quick prompt) that has not yet heard of a reply
// streaming in a conversation asks there too: main refuses it with a reason the page shows, and
// nothing is attached under the reply that is still being written.

/** Lets the test hold back the events (not the answers) the page's WebSocket receives, as when its
 *  window lags behind: the page then cannot know that a reply started elsewhere. */
async function canMuteEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const flags = { muted: false };
    (window as unknown as { parleyEvents: typeof flags }).parleyEvents = flags;
    window.WebSocket = class extends Native {
      override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void {
        if (type !== 'message' || typeof listener !== 'function') return super.addEventListener(type, listener, options);
        super.addEventListener(
          type,
          (event) => {
            const data = (event as MessageEvent).data;
            if (flags.muted && typeof data === 'string' && data.startsWith('{"type":"event"')) return;
            listener.call(this, event);
          },
          options,
        );
      }
    };
  });
}

const setMuted = (page: Page, muted: boolean): Promise<void> =>
  page.evaluate((value) => void ((window as unknown as { parleyEvents: { muted: boolean } }).parleyEvents.muted = value), muted);

test('a second page asking while a reply streams in that conversation is refused, and told why', async ({ page, context, parley }) => {
  await page.goto(parley.url);
  await composer(page).fill('Question one');
  await composer(page).press('Enter');
  await expect(assistantMessages(page)).toContainText('Echo: Question one');

  const other = await context.newPage();
  await canMuteEvents(other);
  await other.goto(parley.url);
  await other.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'Question one' }).click();
  await expect(assistantMessages(other)).toContainText('Echo: Question one');
  await setMuted(other, true);

  const chatRequests = () => parley.fake.requests.filter((r) => r.path === '/v1/chat/completions' && !isTitleRequest(r.body));
  parley.fake.enqueue({ kind: 'stream', chunks: ['A long ', 'answer ', 'to question two.'], delayMs: 20 });
  const held = parley.fake.hold();
  await composer(page).fill('Question two');
  await composer(page).press('Enter');
  await expect.poll(() => chatRequests().length).toBe(2);

  await composer(other).fill('Question three');
  await composer(other).press('Enter');
  await expect(other.getByRole('alert').filter({ hasText: 'still being written in this conversation' })).toBeVisible();
  await expect(composer(other)).toHaveValue('Question three');

  await setMuted(other, false);
  held.release();
  await expect(assistantMessages(page).last()).toContainText('A long answer to question two.');
  await expect(page.getByRole('log')).toHaveAttribute('aria-busy', 'false');
  expect(chatRequests().map((r) => lastUserText(r.body))).toEqual(['Question one', 'Question two']);
  const second = chatRequests()[1]!.body as { messages: Array<{ role: string }> };
  expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);

  // Nothing was attached under the streaming reply; once it ended, the other page may ask.
  await other.reload();
  await expect(userMessages(other)).toHaveCount(2);
  await expect(assistantMessages(other)).toHaveCount(2);
  await composer(other).fill('Question three');
  await composer(other).press('Enter');
  await expect(assistantMessages(other).last()).toContainText('Echo: Question three');
  await other.close();
});
