import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './webPreferences.ts';

export const QUICK_WINDOW_SIZE = { width: 680, height: 460 } as const;

/** The quick prompt: small, frameless, always on top, out of the taskbar, and created hidden but
 *  painted, so showing it is instant. The same locked-down webPreferences as the main window. */
export function quickWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...QUICK_WINDOW_SIZE,
    show: false,
    paintWhenInitiallyHidden: true,
    frame: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    hiddenInMissionControl: true,
    title: 'Parley quick prompt',
    // Timers keep running while hidden, so the first frame after show() is not a throttled one.
    webPreferences: { ...secureWebPreferences(preloadPath), backgroundThrottling: false },
  };
}
