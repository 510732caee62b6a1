// Electron accelerator strings ("CommandOrControl+Shift+Space"), parsed without Electron so the
// settings schema, the Settings screen and main all agree on what is valid.

export type Modifier = 'CommandOrControl' | 'Command' | 'Control' | 'Alt' | 'AltGr' | 'Shift' | 'Super';

/** Canonical order, so equal shortcuts compare equal as strings. */
const MODIFIER_ORDER: readonly Modifier[] = ['CommandOrControl', 'Command', 'Control', 'Alt', 'AltGr', 'Shift', 'Super'];

// Electron accepts these names case-insensitively; Option is macOS's Alt and Meta is Super.
const MODIFIER_NAMES: Readonly<Record<string, Modifier>> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Plus', 'Space', 'Tab', 'Capslock', 'Numlock', 'Scrolllock', 'Backspace', 'Delete', 'Insert', 'Return',
  'Up', 'Down', 'Left', 'Right', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'PrintScreen',
  'VolumeUp', 'VolumeDown', 'VolumeMute', 'MediaNextTrack', 'MediaPreviousTrack', 'MediaStop', 'MediaPlayPause',
  'num0', 'num1', 'num2', 'num3', 'num4', 'num5', 'num6', 'num7', 'num8', 'num9',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
] as const;
const KEY_ALIASES: Readonly<Record<string, string>> = { enter: 'Return', esc: 'Escape' };
const PUNCTUATION = new Set([...')!@#$%^&*(:;=<,_->.?/~`{][|\\}"']);
const KEYS_BY_LOWER = new Map<string, string>(NAMED_KEYS.map((key) => [key.toLowerCase(), key]));

export interface Accelerator {
  modifiers: Modifier[];
  key: string;
}

export type AcceleratorCheck = ({ ok: true; accelerator: string } & Accelerator) | { ok: false; message: string };

export const MAX_ACCELERATOR_LENGTH = 100;
const EXAMPLE = 'for example Ctrl+Shift+Space';

/** The key's canonical name, or null when Electron would not know it. */
export function canonicalKey(token: string): string | null {
  if (token.length === 1) {
    if (/^[a-z0-9]$/i.test(token)) return token.toUpperCase();
    return PUNCTUATION.has(token) ? token : null;
  }
  const lower = token.toLowerCase();
  const fn = /^f([1-9]|1\d|2[0-4])$/.exec(lower);
  if (fn) return `F${fn[1]}`;
  return KEY_ALIASES[lower] ?? KEYS_BY_LOWER.get(lower) ?? null;
}

export function formatAccelerator({ modifiers, key }: Accelerator): string {
  return [...MODIFIER_ORDER.filter((m) => modifiers.includes(m)), key].join('+');
}

/** Parses any spelling Electron accepts ("ctrl + shift + space", "CmdOrCtrl+Esc") into canonical form. */
export function parseAccelerator(input: string): AcceleratorCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: `Type a shortcut, ${EXAMPLE}.` };
  if (text.length > MAX_ACCELERATOR_LENGTH) return { ok: false, message: 'That shortcut is too long.' };
  const tokens = text.split('+').map((t) => t.trim());
  if (tokens.some((t) => t === '')) {
    return { ok: false, message: `Write the + key as "Plus" and join keys with a single +, ${EXAMPLE}.` };
  }
  const keyToken = tokens[tokens.length - 1] as string;
  const modifiers: Modifier[] = [];
  for (const token of tokens.slice(0, -1)) {
    const modifier = MODIFIER_NAMES[token.toLowerCase()];
    if (!modifier) {
      return canonicalKey(token)
        ? { ok: false, message: `A shortcut has one key after its modifiers; "${token}" is a second key.` }
        : { ok: false, message: `"${token}" is not a modifier: use Ctrl, Alt, Shift, Super or Cmd.` };
    }
    if (modifiers.includes(modifier)) return { ok: false, message: `${modifier} appears twice.` };
    modifiers.push(modifier);
  }
  if (MODIFIER_NAMES[keyToken.toLowerCase()]) {
    return { ok: false, message: `Add a key after ${keyToken}, ${EXAMPLE}.` };
  }
  const key = canonicalKey(keyToken);
  if (!key) return { ok: false, message: `"${keyToken}" is not a key Electron knows: use a letter, a digit, F1–F24, Space or a named key.` };
  const parsed = { modifiers: MODIFIER_ORDER.filter((m) => modifiers.includes(m)), key };
  return { ok: true, accelerator: formatAccelerator(parsed), ...parsed };
}

/** Keys that type nothing and that apps rarely use, so they may stand alone as a global shortcut. */
function isLoneKeyAllowed(key: string): boolean {
  return /^F(1[3-9]|2[0-4])$/.test(key);
}

/**
 * A valid accelerator that is also fit to be grabbed system-wide: it needs a modifier other than
 * Shift (or a spare key such as F13), otherwise it would steal ordinary typing from every app.
 */
export function checkGlobalHotkey(input: string): AcceleratorCheck {
  const parsed = parseAccelerator(input);
  if (!parsed.ok) return parsed;
  const strong = parsed.modifiers.some((m) => m !== 'Shift');
  if (!strong && !isLoneKeyAllowed(parsed.key)) {
    return {
      ok: false,
      message: `${parsed.accelerator} would take that key away from every other app: add Ctrl, Alt, Super or Cmd, ${EXAMPLE}.`,
    };
  }
  return parsed;
}

/**
 * Cmd+Shift+Space on macOS, Ctrl+Shift+Space on Windows and Linux: none of the three desktops uses it
 * (unlike Alt+Space, the window menu on Windows and GNOME/KDE, Cmd+Space for Spotlight, Ctrl+Space
 * and Super+Space for switching input methods).
 */
export const DEFAULT_QUICK_PROMPT_HOTKEY = 'CommandOrControl+Shift+Space';
