import { describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_PROMPT_HOTKEY, parseAccelerator, type Accelerator } from '../../shared/accelerator.ts';
import { describeAccelerator, desktopPlatform, type DesktopPlatform } from '../../electron/core/hotkey/describe.ts';
import { reservedUse } from '../../electron/core/hotkey/reserved.ts';
import { isWaylandSession } from '../../electron/core/hotkey/session.ts';
import { browserModeHotkeyStatus, hotkeyOutcome, planHotkey, type HotkeyHost } from '../../electron/core/hotkey/status.ts';

const parsed = (input: string): Accelerator => {
  const result = parseAccelerator(input);
  if (!result.ok) throw new Error(result.message);
  return result;
};
const platforms: DesktopPlatform[] = ['darwin', 'win32', 'linux'];
const x11: HotkeyHost = { platform: 'linux', env: { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' } };
const wayland: HotkeyHost = { platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' } };

describe('the default shortcut', () => {
  it('is free on all three desktops and reads naturally on each', () => {
    for (const platform of platforms) expect(reservedUse(parsed(DEFAULT_QUICK_PROMPT_HOTKEY), platform)).toBeNull();
    expect(describeAccelerator(parsed(DEFAULT_QUICK_PROMPT_HOTKEY), 'darwin')).toBe('Cmd+Shift+Space');
    expect(describeAccelerator(parsed(DEFAULT_QUICK_PROMPT_HOTKEY), 'win32')).toBe('Ctrl+Shift+Space');
    expect(describeAccelerator(parsed('Super+Alt+K'), 'win32')).toBe('Alt+Win+K');
    expect(describeAccelerator(parsed('Alt+K'), 'darwin')).toBe('Option+K');
  });
});

describe('reservedUse', () => {
  it('knows what each desktop does with its own shortcuts', () => {
    expect(reservedUse(parsed('Alt+Space'), 'win32')).toMatch(/window menu/);
    expect(reservedUse(parsed('Alt+Space'), 'linux')).toMatch(/window menu/);
    expect(reservedUse(parsed('Alt+Space'), 'darwin')).toBeNull();
    expect(reservedUse(parsed('CmdOrCtrl+Space'), 'darwin')).toMatch(/Spotlight/);
    expect(reservedUse(parsed('CmdOrCtrl+Space'), 'win32')).toMatch(/input method/);
    expect(reservedUse(parsed('Super+Space'), 'linux')).toMatch(/input source/);
    expect(reservedUse(parsed('Shift+Control+Escape'), 'win32')).toMatch(/Task Manager/);
  });

  it('treats a lone Ctrl/Cmd + letter or digit as taken by every app', () => {
    expect(reservedUse(parsed('CmdOrCtrl+C'), 'linux')).toMatch(/every/);
    expect(reservedUse(parsed('Command+1'), 'darwin')).toMatch(/every/);
    expect(reservedUse(parsed('Control+C'), 'darwin')).toBeNull();
    expect(reservedUse(parsed('Ctrl+Shift+C'), 'linux')).toBeNull();
  });
});

describe('isWaylandSession', () => {
  it('reads XDG_SESSION_TYPE or WAYLAND_DISPLAY, on Linux only', () => {
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' }, 'linux')).toBe(true);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'Wayland ' }, 'freebsd')).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, 'linux')).toBe(false);
    expect(isWaylandSession({ WAYLAND_DISPLAY: '' }, 'linux')).toBe(false);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' }, 'darwin')).toBe(false);
    expect(desktopPlatform('openbsd')).toBe('linux');
  });
});

describe('planHotkey and hotkeyOutcome', () => {
  it('registers a free, valid shortcut in canonical form', () => {
    const plan = planHotkey(' ctrl+alt+p ', x11);
    expect(plan).toEqual({ register: true, accelerator: 'Control+Alt+P', label: 'Ctrl+Alt+P' });
    if (!plan.register) return;
    expect(hotkeyOutcome(plan, true, x11)).toEqual({ accelerator: 'Control+Alt+P', registered: true });
  });

  it('reports a shortcut another app holds, with the way out', () => {
    const plan = planHotkey('Ctrl+Alt+P', { platform: 'win32', env: {} });
    if (!plan.register) throw new Error('expected a plan to register');
    const status = hotkeyOutcome(plan, false, { platform: 'win32', env: {} });
    expect(status).toMatchObject({ accelerator: 'Control+Alt+P', registered: false });
    expect(status.message).toMatch(/could not set Ctrl\+Alt\+P: another app .* already uses it\. Choose another shortcut/);
  });

  it('on Wayland, says why it may fail and points to `parley --quick`', () => {
    const plan = planHotkey(DEFAULT_QUICK_PROMPT_HOTKEY, wayland);
    if (!plan.register) throw new Error('expected a plan to register');
    expect(hotkeyOutcome(plan, false, wayland).message).toMatch(/Wayland session .*`parley --quick`/);
    const working = hotkeyOutcome(plan, true, wayland);
    expect(working.registered).toBe(true);
    expect(working.message).toMatch(/if it does nothing, bind the command `parley --quick`/);
  });

  it('does not even try a shortcut the desktop owns, an invalid one, or none', () => {
    expect(planHotkey('Alt+Space', { platform: 'win32', env: {} })).toEqual({
      register: false,
      status: {
        accelerator: 'Alt+Space',
        registered: false,
        message: 'Alt+Space opens the window menu in Windows (and PowerToys Run), so Parley leaves it alone. Choose another shortcut.',
      },
    });
    expect(planHotkey('Ctrl++', x11)).toMatchObject({ register: false, status: { registered: false, message: expect.stringMatching(/Plus/) } });
    expect(planHotkey('', x11)).toMatchObject({ register: false, status: { accelerator: '', message: expect.stringMatching(/parley --quick/) } });
  });

  it('in browser mode, says global shortcuts belong to the desktop app', () => {
    expect(browserModeHotkeyStatus('Alt+Shift+K')).toEqual({
      accelerator: 'Alt+Shift+K',
      registered: false,
      message: expect.stringMatching(/desktop-app feature.*\/quick\.html/),
    });
  });
});
