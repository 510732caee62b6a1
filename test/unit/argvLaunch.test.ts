import { describe, expect, it } from 'vitest';
import { lockData, parseLaunchArgs, secondLaunchRequest } from '../../electron/core/cli/argv.ts';

describe('parseLaunchArgs', () => {
  it('finds --quick after the executable, in a packaged app and in development', () => {
    expect(parseLaunchArgs(['/opt/Parley/parley', '--quick'])).toEqual({ quick: true });
    expect(parseLaunchArgs(['C:\\Program Files\\Parley\\Parley.exe', '--quick'])).toEqual({ quick: true });
    expect(parseLaunchArgs(['/repo/node_modules/electron/dist/electron', '/repo', '--quick'])).toEqual({ quick: true });
    expect(parseLaunchArgs(['/opt/Parley/parley'])).toEqual({ quick: false });
    expect(parseLaunchArgs([])).toEqual({ quick: false });
  });

  it('ignores Chromium and Electron switches, look-alikes and anything after --', () => {
    const chromium = ['--enable-features=GlobalShortcutsPortal', '--no-sandbox', '--allow-file-access-from-files', '--original-process-start-time=1'];
    expect(parseLaunchArgs(['/opt/Parley/parley', ...chromium, '--quick'])).toEqual({ quick: true });
    expect(parseLaunchArgs(['/opt/Parley/parley', ...chromium])).toEqual({ quick: false });
    expect(parseLaunchArgs(['parley', '--quickly', '--quick-start', '-quick', 'quick'])).toEqual({ quick: false });
    expect(parseLaunchArgs(['parley', '--', '--quick'])).toEqual({ quick: false });
  });
});

describe('secondLaunchRequest', () => {
  it('prefers the lock data the second launch sent', () => {
    expect(secondLaunchRequest(['parley'], lockData({ quick: true }))).toEqual({ quick: true });
    // Windows may hand over a rewritten argv; the lock data still says what was asked.
    expect(secondLaunchRequest(['parley', '--quick'], lockData({ quick: false }))).toEqual({ quick: false });
  });

  it('falls back to argv when the data is missing or not ours', () => {
    expect(secondLaunchRequest(['parley', '--quick'], undefined)).toEqual({ quick: true });
    expect(secondLaunchRequest(['parley', '--quick'], {})).toEqual({ quick: true });
    expect(secondLaunchRequest(['parley'], { parleyLaunch: { quick: 'yes' } })).toEqual({ quick: false });
    expect(secondLaunchRequest(['parley'], { parleyLaunch: null })).toEqual({ quick: false });
    expect(secondLaunchRequest(['parley'], 'quick')).toEqual({ quick: false });
  });
});
