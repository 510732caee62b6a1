import type { WebSocketRoute } from '@playwright/test';
import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer } from './helpers.ts';

// The browser-mode WebSocket, cut and restored from the test: the transport must fail calls in
// flight with an error the UI shows, tell the user while it is down, and reconnect on its own.
test('a dropped connection fails the call in flight, keeps the text, and reconnects', async ({ page, parley }) => {
  let dropOnSend = true;
  let refuse = false;
  let connections = 0;
  await page.routeWebSocket(/\/ws$/, (ws: WebSocketRoute) => {
    connections += 1;
    if (refuse) {
      ws.close();
      return;
    }
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (dropOnSend && String(message).includes('"chat:send"')) {
        dropOnSend = false;
        refuse = true;
        ws.close();
        server.close();
        return;
      }
      server.send(message);
    });
  });

  await page.goto(parley.url);
  await composer(page).fill('Lost in transit');
  await composer(page).press('Enter');
  await expect(page.getByRole('alert')).toContainText('Lost the connection');
  await expect(composer(page)).toHaveValue('Lost in transit');
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();

  refuse = false;
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeHidden();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(assistantMessages(page)).toContainText('Echo: Lost in transit');
  await expect(composer(page)).toHaveValue('');
  expect(connections).toBeGreaterThan(2);
  // The message that was cut off never reached the provider; only the retry did.
  expect(parley.fake.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
});
