import { expect, test } from '../support/browserMode.ts';
import { assistantMessages, composer, messageLog } from './helpers.ts';
import { RICH_CODE, RICH_REPLY, enqueueReply, readClipboard, tokenColours } from './replyHelpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a reply renders GFM, highlighted code with Copy code, math and safe links', async ({ page, parley }) => {
  enqueueReply(parley.fake, RICH_REPLY);
  await page.goto(parley.url);
  await composer(page).fill('Show me everything');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');

  await expect(reply.getByRole('heading', { name: 'Release notes' })).toBeVisible();
  // Table
  const table = reply.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Feature', 'Status']);
  await expect(table.getByRole('row')).toHaveCount(3);
  // Task list
  await expect(reply.getByRole('checkbox', { name: 'Done', exact: true })).toBeChecked();
  await expect(reply.getByRole('checkbox', { name: 'Not done' })).not.toBeChecked();
  await expect(reply.getByRole('checkbox', { name: 'Done', exact: true })).toBeDisabled();
  // Strikethrough
  await expect(reply.locator('del')).toHaveText('old wording');
  // Links open outside the app, with no opener and no referrer.
  for (const link of [reply.getByRole('link', { name: 'the docs' }), reply.getByRole('link', { name: 'https://example.com/autolinked' })]) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await expect(link).toHaveAttribute('rel', /noreferrer/);
  }
  await expect(reply.getByRole('link', { name: 'the docs' })).toHaveAttribute('href', 'https://example.org/parley/docs');
  // A price is not math.
  await expect(reply).toContainText('costs from $5 to $10.');

  // Code: highlighted into coloured tokens, with its language and a Copy code button.
  const code = reply.locator('.code-block');
  await expect(code.locator('pre[data-highlighted]')).toBeVisible();
  await expect(code.locator('.code-block__language')).toHaveText('ts');
  expect((await tokenColours(code)).length).toBeGreaterThan(2);
  await expect(code.locator('pre')).toHaveText(RICH_CODE);
  await code.getByRole('button', { name: 'Copy code' }).click();
  await expect(code.getByRole('status')).toHaveText('Copied');
  expect(await readClipboard(page)).toBe(RICH_CODE);

  // Math: inline and display, typeset by KaTeX.
  await expect(reply.locator('.math--inline .katex')).toHaveCount(1);
  await expect(reply.locator('.math--display .katex-display')).toHaveCount(1);
  await expect(reply.locator('.katex-mathml math')).toHaveCount(2);
});

test('raw HTML in a reply is shown as text, never run', async ({ page, parley }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  enqueueReply(parley.fake, [
    'Before <img src=x onerror="window.__parleyPwned = 1"> after.',
    '',
    '<script>window.__parleyPwned = 2; alert("pwned")</script>',
    '',
    '<a href="javascript:alert(1)">click</a> and [bad link](javascript:alert(2))',
  ].join('\n'));
  await page.goto(parley.url);
  await composer(page).fill('Try some HTML');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  await expect(reply).toContainText('<img src=x onerror="window.__parleyPwned = 1">');
  await expect(reply).toContainText('<script>');
  await expect(reply.locator('img, script, iframe')).toHaveCount(0);
  // A javascript: link is no link at all, only its text.
  await expect(reply).toContainText('bad link');
  await expect(reply.getByRole('link')).toHaveCount(0);
  expect(await page.evaluate('window.__parleyPwned')).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('while a reply streams, code shows plain; it is highlighted once its block is done', async ({ page, parley }) => {
  parley.fake.enqueue({ kind: 'stream', chunks: ['Here:\n\n```python\nprint("hi")\n', 'x = 1\n```\n\nDone.'], delayMs: 5 });
  const held = parley.fake.hold();
  await page.goto(parley.url);
  await composer(page).fill('Some Python');
  await composer(page).press('Enter');
  const code = assistantMessages(page).locator('.code-block');
  await expect(code.locator('pre')).toContainText('print("hi")');
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'true');
  await expect(code.locator('pre')).not.toHaveAttribute('data-highlighted');

  held.release();
  await expect(code.locator('pre[data-highlighted]')).toBeVisible();
  await expect(code.locator('pre')).toHaveText('print("hi")\nx = 1');
  await expect(assistantMessages(page)).toContainText('Done.');
});

test('every message has a Copy button that copies its Markdown source', async ({ page, parley }) => {
  const source = 'Use **bold** and `code`:\n\n- one\n- two';
  enqueueReply(parley.fake, source);
  await page.goto(parley.url);
  await composer(page).fill('Give me *a list*');
  await composer(page).press('Enter');
  const reply = assistantMessages(page);
  await expect(messageLog(page)).toHaveAttribute('aria-busy', 'false');
  await expect(reply.locator('strong')).toHaveText('bold');

  // Reachable by keyboard: focus it and press Enter.
  const copy = reply.getByRole('button', { name: 'Copy', exact: true });
  await copy.focus();
  await expect(copy).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(reply.getByRole('status')).toHaveText('Copied');
  expect(await readClipboard(page)).toBe(source);

  // The user's message is shown as typed, and copied as typed.
  const mine = page.getByRole('article', { name: 'You' });
  await expect(mine).toContainText('Give me *a list*');
  await mine.hover();
  await mine.getByRole('button', { name: 'Copy', exact: true }).click();
  expect(await readClipboard(page)).toBe('Give me *a list*');
});
