import type { Accelerator, Modifier } from '../../../shared/accelerator.ts';

export type DesktopPlatform = 'darwin' | 'win32' | 'linux';

/** Any Node platform mapped onto the three desktops Parley ships for (BSDs behave like Linux here). */
export function desktopPlatform(platform: NodeJS.Platform): DesktopPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** The physical keys a modifier stands for on this platform (CommandOrControl is Cmd or Ctrl). */
export function resolveModifier(modifier: Modifier, platform: DesktopPlatform): Exclude<Modifier, 'CommandOrControl'> {
  if (modifier !== 'CommandOrControl') return modifier;
  return platform === 'darwin' ? 'Command' : 'Control';
}

const LABELS: Record<DesktopPlatform, Record<Exclude<Modifier, 'CommandOrControl'>, string>> = {
  darwin: { Command: 'Cmd', Control: 'Ctrl', Alt: 'Option', AltGr: 'AltGr', Shift: 'Shift', Super: 'Cmd' },
  win32: { Command: 'Cmd', Control: 'Ctrl', Alt: 'Alt', AltGr: 'AltGr', Shift: 'Shift', Super: 'Win' },
  linux: { Command: 'Cmd', Control: 'Ctrl', Alt: 'Alt', AltGr: 'AltGr', Shift: 'Shift', Super: 'Super' },
};

/** How the user would name the shortcut on this platform: "Cmd+Shift+Space", "Ctrl+Shift+Space". */
export function describeAccelerator({ modifiers, key }: Accelerator, platform: DesktopPlatform): string {
  const labels = LABELS[platform];
  const names = [...new Set(modifiers.map((m) => labels[resolveModifier(m, platform)]))];
  return [...names, key].join('+');
}
