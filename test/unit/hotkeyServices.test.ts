import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopShell } from '../../electron/core/quickPrompt/shell.ts';
import { createServices, SETTINGS_FILE, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import type { EventSink } from '../../electron/core/ports.ts';
import type { Settings } from '../../shared/settings.ts';

// The real composition root (real settings file, real SQLite) with the quick-prompt calls on top.
const quiet: EventSink = { emit: () => undefined };
const opened: Services[] = [];
const dirs: string[] = [];

async function open(shell?: DesktopShell): Promise<{ services: Services; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-quick-'));
  dirs.push(dataDir);
  const services = await createServices({
    mode: shell ? 'desktop' : 'browser',
    dataDir,
    version: '0.0.0-test',
    env: {},
    settingsBackend: createConfBackend,
    keychain: () => Promise.reject(new Error('no keychain in this test')),
    events: quiet,
    shell,
  });
  opened.push(services);
  return { services, dataDir };
}

afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('browser mode', () => {
  it('says global shortcuts are a desktop feature, and hide/pin are harmless', async () => {
    const { services } = await open();
    expect(await services.dispatch('app:hotkeyStatus', undefined)).toEqual({
      ok: true,
      value: { accelerator: 'CommandOrControl+Shift+Space', registered: false, message: expect.stringMatching(/desktop-app feature/) },
    });
    expect(await services.dispatch('quick:hide', undefined)).toEqual({ ok: true, value: { hidden: false } });
    expect(await services.dispatch('quick:setPinned', { pinned: true })).toEqual({ ok: true, value: { pinned: true } });
    expect(await services.dispatch('quick:setPinned', { pinned: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('leaves "Open in main window" to the page, for conversations that exist', async () => {
    const { services } = await open();
    const created = await services.dispatch('conversations:create', { title: 'From the quick prompt' });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as { id: string };
    expect(await services.dispatch('quick:openInMain', { conversationId: id })).toEqual({ ok: true, value: { shown: false } });
    expect(await services.dispatch('quick:openInMain', { conversationId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found_local' } });
  });

  it('saves the shortcut in canonical form and refuses one Electron would not take', async () => {
    const { services, dataDir } = await open();
    const saved = await services.dispatch('settings:update', { quickPromptHotkey: 'alt + shift + k', closeToTray: true });
    expect(saved).toMatchObject({ ok: true, value: { settings: { quickPromptHotkey: 'Alt+Shift+K', closeToTray: true } } });
    expect(JSON.parse(readFileSync(join(dataDir, SETTINGS_FILE), 'utf8'))).toMatchObject({ quickPromptHotkey: 'Alt+Shift+K', closeToTray: true });
    expect(services.currentSettings()).toMatchObject({ quickPromptHotkey: 'Alt+Shift+K', closeToTray: true });
    expect(await services.dispatch('settings:update', { quickPromptHotkey: 'Ctrl++' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await services.dispatch('app:hotkeyStatus', undefined)).toMatchObject({ ok: true, value: { accelerator: 'Alt+Shift+K' } });
  });
});

describe('the desktop shell', () => {
  // Stands in for electron/main's windows and globalShortcut, which need Electron.
  function recordingShell() {
    const calls: string[] = [];
    const shell: DesktopShell = {
      hotkeyStatus: () => ({ accelerator: 'X', registered: true }),
      settingsChanged: (settings: Settings) => void calls.push(`settings ${settings.quickPromptHotkey}`),
      hideQuickPrompt: () => (calls.push('hide'), true),
      setQuickPromptPinned: (pinned) => (calls.push(`pin ${pinned}`), pinned),
      openInMainWindow: (id) => (calls.push(`open ${id}`), true),
    };
    return { shell, calls };
  }

  it('gets every quick-prompt call and every saved settings change', async () => {
    const { shell, calls } = recordingShell();
    const { services } = await open(shell);
    const created = await services.dispatch('conversations:create', undefined);
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.value as { id: string };
    expect(await services.dispatch('app:hotkeyStatus', undefined)).toEqual({ ok: true, value: { accelerator: 'X', registered: true } });
    expect(await services.dispatch('quick:hide', undefined)).toEqual({ ok: true, value: { hidden: true } });
    expect(await services.dispatch('quick:setPinned', { pinned: false })).toEqual({ ok: true, value: { pinned: false } });
    expect(await services.dispatch('quick:openInMain', { conversationId: id })).toEqual({ ok: true, value: { shown: true } });
    await services.dispatch('settings:update', { quickPromptHotkey: 'Ctrl+Alt+Q' });
    await services.dispatch('settings:update', { quickPromptHotkey: 'Q' }); // refused: never reaches the shell
    expect(calls).toEqual(['hide', 'pin false', `open ${id}`, 'settings Control+Alt+Q']);
  });
});
