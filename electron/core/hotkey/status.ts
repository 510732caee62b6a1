import { checkGlobalHotkey } from '../../../shared/accelerator.ts';
import type { HotkeyStatus } from '../../../shared/contract/app.ts';
import { describeAccelerator, desktopPlatform } from './describe.ts';
import { reservedUse } from './reserved.ts';
import { DESKTOP_SHORTCUT_TIP, isWaylandSession } from './session.ts';

export interface HotkeyHost {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

/** Either register this (canonical) accelerator, or report why not without trying. */
export type HotkeyPlan = { register: true; accelerator: string; label: string } | { register: false; status: HotkeyStatus };

const NO_SHORTCUT =
  'No global shortcut is set. The quick prompt still opens from the tray menu and with `parley --quick`.';

/** Decides what to do with the shortcut from the settings before touching Electron's globalShortcut. */
export function planHotkey(setting: string, host: HotkeyHost): HotkeyPlan {
  const accelerator = setting.trim();
  if (accelerator === '') return { register: false, status: { accelerator: '', registered: false, message: NO_SHORTCUT } };
  const check = checkGlobalHotkey(accelerator);
  if (!check.ok) return { register: false, status: { accelerator, registered: false, message: `${check.message} Choose another shortcut.` } };
  const platform = desktopPlatform(host.platform);
  const label = describeAccelerator(check, platform);
  const use = reservedUse(check, platform);
  if (use) {
    return {
      register: false,
      status: { accelerator: check.accelerator, registered: false, message: `${label} ${use}, so Parley leaves it alone. Choose another shortcut.` },
    };
  }
  return { register: true, accelerator: check.accelerator, label };
}

/** The status after globalShortcut.register answered (registered = register() && isRegistered()). */
export function hotkeyOutcome(plan: Extract<HotkeyPlan, { register: true }>, registered: boolean, host: HotkeyHost): HotkeyStatus {
  const wayland = isWaylandSession(host.env, host.platform);
  const { accelerator, label } = plan;
  if (registered) {
    return wayland
      ? { accelerator, registered, message: `${label} is set, but this is a Wayland session: if it does nothing, ${DESKTOP_SHORTCUT_TIP}.` }
      : { accelerator, registered };
  }
  return {
    accelerator,
    registered,
    message: wayland
      ? `Parley could not set ${label}: in a Wayland session apps cannot grab keys unless the desktop allows it. Choose another shortcut, or ${DESKTOP_SHORTCUT_TIP}.`
      : `Parley could not set ${label}: another app (or the system) already uses it. Choose another shortcut.`,
  };
}

export function browserModeHotkeyStatus(setting: string): HotkeyStatus {
  return {
    accelerator: setting.trim(),
    registered: false,
    message: 'Global shortcuts are a desktop-app feature. In browser mode the quick prompt is its own page, /quick.html.',
  };
}
