import ElectronStore from 'electron-store';
import { backendFromStore, settingsJsonSchema, storeLocation } from '../core/settings/confBackend.ts';
import type { SettingsBackend } from '../core/ports.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';

/** The desktop app's settings file, read and written with electron-store (conf underneath). */
export function createElectronStoreBackend(filePath: string): SettingsBackend {
  const { cwd, name, fileExtension } = storeLocation(filePath);
  const store = new ElectronStore<Settings>({
    cwd,
    name,
    fileExtension,
    schema: settingsJsonSchema(),
    defaults: DEFAULT_SETTINGS,
    // The settings hold a proxy password: readable by this user only.
    configFileMode: 0o600,
  });
  return backendFromStore(store);
}
