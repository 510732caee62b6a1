/** A Wayland session, where an app cannot grab keys for itself unless the desktop offers the
 *  global-shortcuts portal (Electron's GlobalShortcutsPortal feature asks it). */
export function isWaylandSession(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return false;
  return env.XDG_SESSION_TYPE?.trim().toLowerCase() === 'wayland' || Boolean(env.WAYLAND_DISPLAY?.trim());
}

/** The Chromium feature that routes globalShortcut through xdg-desktop-portal on Wayland. */
export const WAYLAND_PORTAL_FEATURE = 'GlobalShortcutsPortal';

export const DESKTOP_SHORTCUT_TIP =
  "bind the command `parley --quick` to a shortcut in your desktop's keyboard settings instead";
