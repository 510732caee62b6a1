import type { Notice } from '../../../shared/contract/app.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings.ts';
import type { SettingsBackend } from '../ports.ts';
import { checkSettingsFile, moveAside, parseStoredSettings } from './readSettingsFile.ts';
import { SettingsService } from './SettingsService.ts';

export interface OpenSettingsOptions {
  filePath: string;
  createBackend: (filePath: string) => SettingsBackend;
  env: NodeJS.ProcessEnv;
}

/** Opens the settings file; a corrupt or unreadable file is moved aside with a notice, never fatal. */
export function openSettings(options: OpenSettingsOptions): SettingsService {
  const { filePath, createBackend, env } = options;
  const notices: Notice[] = [];

  // Checked before the store library sees it: conf would refuse (or silently clear) a bad file.
  const check = checkSettingsFile(filePath);
  if (check.kind === 'invalid') setAside(filePath, check.reason, notices);

  let backend: SettingsBackend;
  try {
    backend = createBackend(filePath);
  } catch (error) {
    backend = memoryBackend(filePath);
    notices.push({
      id: 'settings-unsaved',
      level: 'error',
      message: `Parley could not open its settings file ${filePath} (${(error as Error).message}). Default settings are in use, and changes will not be saved.`,
    });
  }

  let initial: Settings = { ...DEFAULT_SETTINGS };
  try {
    const stored = parseStoredSettings(backend.read());
    if (stored.ok) initial = stored.settings;
  } catch {
    // The checks above already reported whatever made this unreadable; the defaults stand.
  }
  return new SettingsService({ backend, initial, env, notices });
}

function setAside(filePath: string, reason: string, notices: Notice[]): void {
  try {
    const movedTo = moveAside(filePath);
    notices.push({
      id: 'settings-file-invalid',
      level: 'warning',
      message: `The settings file could not be used because ${reason}. Parley moved it to ${movedTo} and started with default settings.`,
    });
  } catch (error) {
    notices.push({
      id: 'settings-file-invalid',
      level: 'warning',
      message: `The settings file ${filePath} could not be used because ${reason}, and it could not be moved aside (${(error as Error).message}). Default settings are in use.`,
    });
  }
}

/** Keeps settings for this run only, when the file cannot be opened at all. */
function memoryBackend(filePath: string): SettingsBackend {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  return {
    path: filePath,
    read: () => ({ ...stored }),
    write: (settings) => {
      stored = { ...settings };
    },
  };
}
