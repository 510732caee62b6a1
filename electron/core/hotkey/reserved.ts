import { parseAccelerator, type Accelerator } from '../../../shared/accelerator.ts';
import { resolveModifier, type DesktopPlatform } from './describe.ts';

/** Shortcuts each desktop keeps for itself, and what it uses them for. Taking one would either fail
 *  or break something the user relies on, so Parley does not try. */
const RESERVED: Record<DesktopPlatform, ReadonlyArray<readonly [string, string]>> = {
  win32: [
    ['Alt+Space', 'opens the window menu in Windows (and PowerToys Run)'],
    ['Alt+Tab', 'switches windows'],
    ['Alt+F4', 'closes the active window'],
    ['Alt+Escape', 'cycles through windows'],
    ['Control+Escape', 'opens the Start menu'],
    ['Control+Shift+Escape', 'opens Task Manager'],
    ['Control+Alt+Delete', 'opens the security screen'],
    ['Control+Space', 'switches the input method on/off'],
    ['Super+Space', 'switches the keyboard layout'],
    ['Super+L', 'locks the computer'],
    ['Super+D', 'shows the desktop'],
    ['Super+E', 'opens File Explorer'],
    ['Super+R', 'opens the Run dialog'],
    ['Super+Tab', 'opens Task View'],
    ['Super+Shift+S', 'takes a screenshot'],
  ],
  darwin: [
    ['Command+Space', 'opens Spotlight'],
    ['Command+Alt+Space', 'opens a Finder search window'],
    ['Control+Space', 'selects the previous input source'],
    ['Control+Alt+Space', 'selects the next input source'],
    ['Command+Control+Space', 'opens the emoji and symbols viewer'],
    ['Command+Tab', 'switches apps'],
    ['Command+Alt+Escape', 'opens Force Quit'],
    ['Command+Shift+3', 'takes a screenshot'],
    ['Command+Shift+4', 'takes a screenshot'],
    ['Command+Shift+5', 'opens the screenshot toolbar'],
    ['Command+Control+Q', 'locks the screen'],
  ],
  linux: [
    ['Alt+Space', 'opens the window menu in GNOME and KDE (KRunner on KDE)'],
    ['Super+Space', 'switches the input source in GNOME'],
    ['Control+Space', 'toggles the input method (IBus, Fcitx)'],
    ['Alt+Tab', 'switches windows'],
    ['Alt+F1', 'opens the applications menu'],
    ['Alt+F2', 'opens the run dialog'],
    ['Alt+F4', 'closes the active window'],
    ['Control+Alt+T', 'opens a terminal'],
    ['Control+Alt+Delete', 'logs out'],
    ['Control+Alt+L', 'locks the screen'],
    ['Super+L', 'locks the screen'],
    ['Control+Alt+Left', 'switches workspaces'],
    ['Control+Alt+Right', 'switches workspaces'],
    ['Control+Alt+Up', 'switches workspaces'],
    ['Control+Alt+Down', 'switches workspaces'],
  ],
};

/** Modifiers as physical keys, sorted: "Control+Shift|Space" for CommandOrControl+Shift+Space off macOS. */
function physicalKey({ modifiers, key }: Accelerator, platform: DesktopPlatform): string {
  const physical = [...new Set(modifiers.map((m) => resolveModifier(m, platform)))].sort();
  return `${physical.join('+')}|${key}`;
}

const reservedIndex = new Map<DesktopPlatform, Map<string, string>>();
function indexFor(platform: DesktopPlatform): Map<string, string> {
  let index = reservedIndex.get(platform);
  if (!index) {
    index = new Map();
    for (const [accelerator, use] of RESERVED[platform]) {
      const parsed = parseAccelerator(accelerator);
      if (parsed.ok) index.set(physicalKey(parsed, platform), use);
    }
    reservedIndex.set(platform, index);
  }
  return index;
}

/**
 * What the desktop (or nearly every app) already does with this shortcut, or null when it is free
 * as far as Parley knows. A lone Ctrl/Cmd + letter or digit counts: it is Copy, Paste, Save… everywhere.
 */
export function reservedUse(accelerator: Accelerator, platform: DesktopPlatform): string | null {
  const use = indexFor(platform).get(physicalKey(accelerator, platform));
  if (use) return use;
  const physical = new Set(accelerator.modifiers.map((m) => resolveModifier(m, platform)));
  const appKey = platform === 'darwin' ? 'Command' : 'Control';
  if (physical.size === 1 && physical.has(appKey) && /^[A-Z0-9]$/.test(accelerator.key)) {
    return 'is an everyday shortcut in almost every app';
  }
  return null;
}
