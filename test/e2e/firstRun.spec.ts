import { TEST_TOKEN, expect, test } from '../support/browserMode.ts';
import { composer, screenshotBothSchemes } from './helpers.ts';

test.use({ serverOptions: { token: false } });

test('first run asks for the token, saves it and opens the chat', async ({ page, parley }) => {
  await page.goto(parley.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toBeVisible();
  await expect(page.getByText('evolink.ai', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Settings/ })).toBeVisible();
  const tokenField = page.getByLabel('API token');
  await expect(tokenField).toHaveAttribute('type', 'password');
  await screenshotBothSchemes(page, 'first-run');

  // An empty token is refused on the spot.
  await page.getByRole('button', { name: 'Check and save' }).click();
  await expect(page.getByRole('alert')).toContainText('Paste your API token first.');

  await tokenField.fill(TEST_TOKEN);
  await page.getByRole('button', { name: 'Check and save' }).click();
  // Without a reachable keychain the server refuses storage 'keychain'; the page offers memory instead.
  const keepForSession = page.getByRole('button', { name: 'Keep for this session only' });
  await expect(composer(page).or(keepForSession)).toBeVisible();
  const storage = (await keepForSession.isVisible()) ? 'session' : 'keychain';
  test.info().annotations.push({ type: 'token storage', description: storage });
  if (storage === 'session') {
    await expect(page.getByRole('alert').filter({ hasText: 'keychain' })).toBeVisible();
    await screenshotBothSchemes(page, 'first-run-no-keychain');
    await keepForSession.click();
  }
  await expect(composer(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toHaveCount(0);

  // The saved token is the one the provider receives.
  await composer(page).fill('Hello with my own token');
  await composer(page).press('Enter');
  await expect(page.getByRole('article', { name: 'Assistant' })).toContainText('Echo: Hello with my own token');
  const request = parley.fake.requests.find((r) => r.path === '/v1/chat/completions');
  expect(request?.headers['authorization']).toBe(`Bearer ${TEST_TOKEN}`);

  // Settings says where the token lives, never shows it, and can forget it: back to the first run.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByText(/saved in the system keychain|kept for this session only/)).toBeVisible();
  // It asks first; "Keep it" keeps it.
  await dialog.getByRole('button', { name: 'Forget the saved token' }).click();
  const confirm = dialog.getByRole('group', { name: 'Forget the saved token?' });
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Forget the saved token' }).click();
  await confirm.getByRole('button', { name: 'Forget token' }).click();
  await expect(dialog).toBeHidden();
  // The history stays readable; the composer's corner says what is missing.
  await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Assistant' })).toContainText('Echo: Hello with my own token');
  await expect(page.getByRole('status').filter({ hasText: 'No API token is set' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a token in Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});

test('the first-run screen links to Settings for another base URL', async ({ page, parley }) => {
  await page.goto(parley.url);
  await page.getByRole('button', { name: /Settings/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  // It opens at the default provider's address, which PARLEY_API_BASE_URL sets here: read-only.
  const url = dialog.getByRole('group', { name: /^Edit / }).getByLabel('Provider base URL');
  await expect(url).toBeVisible();
  await expect(url).toHaveAttribute('readonly', '');
  await expect(dialog.getByText('Set by PARLEY_API_BASE_URL')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toBeVisible();
});

test('first run checks the token with the provider: a 401 says so and saves nothing', async ({ page, parley }) => {
  parley.fake.setCredits({ kind: 'http-error', status: 401 });
  await page.goto(parley.url);
  await page.getByLabel('API token').fill('wrong-token');
  await page.getByRole('button', { name: 'Check and save' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'did not accept this token' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Save anyway' })).toHaveCount(0);
  await expect(page.getByLabel('API token')).toHaveAttribute('aria-invalid', 'true');
  // The check went out with the typed token, and nothing was saved.
  const check = parley.fake.requests.find((r) => r.path === '/v1/credits');
  expect(check?.headers['authorization']).toBe('Bearer wrong-token');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Parley' })).toBeVisible();
  await screenshotBothSchemes(page, 'first-run-check');
});

test('first run: a token that works but has no credits says so, with Save anyway', async ({ page, parley }) => {
  parley.fake.setCredits({ kind: 'json', body: { balance: 0, currency: 'USD' } });
  await page.goto(parley.url);
  await page.getByLabel('API token').fill(TEST_TOKEN);
  await page.getByRole('button', { name: 'Check and save' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'has no credits left' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Save anyway' }).click();
  const keepForSession = page.getByRole('button', { name: 'Keep for this session only' });
  await expect(composer(page).or(keepForSession)).toBeVisible();
  if (await keepForSession.isVisible()) await keepForSession.click();
  await expect(composer(page)).toBeVisible();
});
