import { existsSync, readFileSync, renameSync } from 'node:fs';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../shared/settings.ts';

export type SettingsFileCheck =
  | { kind: 'missing' }
  | { kind: 'valid'; settings: Settings }
  | { kind: 'invalid'; reason: string };

/** Missing keys come from the defaults, unknown keys are dropped (zod strips them). */
export function parseStoredSettings(value: unknown): { ok: true; settings: Settings } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'it does not hold a JSON object' };
  }
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...value });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: `${where}${issue?.message ?? 'it does not match the settings schema'}` };
  }
  return { ok: true, settings: parsed.data };
}

/** Reads the settings file as it is on disk, before any store library gets to clear or refuse it. */
export function checkSettingsFile(filePath: string): SettingsFileCheck {
  if (!existsSync(filePath)) return { kind: 'missing' };
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    return { kind: 'invalid', reason: `it could not be read (${(error as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'invalid', reason: 'it is not valid JSON' };
  }
  const parsed = parseStoredSettings(json);
  return parsed.ok ? { kind: 'valid', settings: parsed.settings } : { kind: 'invalid', reason: parsed.reason };
}

/** Moves a bad file aside (never deletes it) and returns where it went. */
export function moveAside(filePath: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${filePath}.invalid-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${filePath}.invalid-${stamp}-${n}`;
  renameSync(filePath, target);
  return target;
}
