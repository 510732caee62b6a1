import { describe, expect, it } from 'vitest';
import { checkGlobalHotkey, DEFAULT_QUICK_PROMPT_HOTKEY, parseAccelerator } from '../../shared/accelerator.ts';
import { settingsJsonSchema } from '../../electron/core/settings/confBackend.ts';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema } from '../../shared/settings.ts';

const accelerator = (input: string) => {
  const result = parseAccelerator(input);
  return result.ok ? result.accelerator : `error: ${result.message}`;
};

describe('parseAccelerator', () => {
  it('accepts every spelling Electron does and returns one canonical form', () => {
    expect(accelerator('CommandOrControl+Shift+Space')).toBe('CommandOrControl+Shift+Space');
    expect(accelerator('shift + cmdorctrl + space')).toBe('CommandOrControl+Shift+Space');
    expect(accelerator('Ctrl+Alt+k')).toBe('Control+Alt+K');
    expect(accelerator('Option+Meta+F13')).toBe('Alt+Super+F13');
    expect(accelerator('Cmd+Control+Esc')).toBe('Command+Control+Escape');
    expect(accelerator('ctrl+enter')).toBe('Control+Return');
    expect(accelerator('Alt+Shift+Plus')).toBe('Alt+Shift+Plus');
    expect(accelerator('Super+num5')).toBe('Super+num5');
    expect(accelerator('AltGr+/')).toBe('AltGr+/');
    expect(accelerator('Ctrl+MediaPlayPause')).toBe('Control+MediaPlayPause');
  });

  it('returns the parts as well', () => {
    expect(parseAccelerator('Shift+Ctrl+F24')).toEqual({ ok: true, accelerator: 'Control+Shift+F24', modifiers: ['Control', 'Shift'], key: 'F24' });
  });

  it('explains what is wrong with a shortcut Electron would refuse', () => {
    expect(accelerator('')).toMatch(/Type a shortcut/);
    expect(accelerator('Ctrl++')).toMatch(/"Plus"/);
    expect(accelerator('Ctrl+Shift')).toMatch(/Add a key after Shift/);
    expect(accelerator('Ctrl+A+B')).toMatch(/one key after its modifiers/);
    expect(accelerator('Hyper+A')).toMatch(/"Hyper" is not a modifier/);
    expect(accelerator('Ctrl+Ctrl+A')).toMatch(/Control appears twice/);
    expect(accelerator('Ctrl+F25')).toMatch(/"F25" is not a key/);
    expect(accelerator('Ctrl+Spacebar')).toMatch(/"Spacebar" is not a key/);
    expect(accelerator(`Ctrl+${'A'.repeat(120)}`)).toMatch(/too long/);
  });
});

describe('checkGlobalHotkey', () => {
  it('needs a modifier other than Shift, except for spare keys such as F13–F24', () => {
    expect(checkGlobalHotkey('A')).toMatchObject({ ok: false, message: expect.stringMatching(/take that key away/) });
    expect(checkGlobalHotkey('Shift+A')).toMatchObject({ ok: false });
    expect(checkGlobalHotkey('Space')).toMatchObject({ ok: false });
    expect(checkGlobalHotkey('F5')).toMatchObject({ ok: false });
    expect(checkGlobalHotkey('F13')).toMatchObject({ ok: true, accelerator: 'F13' });
    expect(checkGlobalHotkey('Shift+F20')).toMatchObject({ ok: true });
    expect(checkGlobalHotkey('Alt+Shift+Space')).toMatchObject({ ok: true });
    expect(checkGlobalHotkey(DEFAULT_QUICK_PROMPT_HOTKEY)).toMatchObject({ ok: true, accelerator: DEFAULT_QUICK_PROMPT_HOTKEY });
  });
});

describe('the quickPromptHotkey and closeToTray settings', () => {
  it('default to Cmd/Ctrl+Shift+Space and staying in the foreground', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ quickPromptHotkey: 'CommandOrControl+Shift+Space', closeToTray: false });
    expect(SettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it('store the canonical form, allow an empty shortcut and refuse a bad one', () => {
    expect(SettingsPatchSchema.parse({ quickPromptHotkey: ' alt + shift + p ' })).toEqual({ quickPromptHotkey: 'Alt+Shift+P' });
    expect(SettingsPatchSchema.parse({ quickPromptHotkey: '' })).toEqual({ quickPromptHotkey: '' });
    const refused = SettingsPatchSchema.safeParse({ quickPromptHotkey: 'Ctrl++' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/"Plus"/);
    expect(SettingsPatchSchema.safeParse({ quickPromptHotkey: 'Q' }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ closeToTray: 'yes' }).success).toBe(false);
    expect(SettingsPatchSchema.parse({ closeToTray: true })).toEqual({ closeToTray: true });
  });

  it('still turn into the JSON schema the settings file is checked with', () => {
    const json = settingsJsonSchema() as Record<string, { type?: string }>;
    expect(json.quickPromptHotkey?.type).toBe('string');
    expect(json.closeToTray?.type).toBe('boolean');
  });
});
