import { basename, dirname, extname } from 'node:path';
import Conf, { type Schema } from 'conf';
import { z } from 'zod';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../shared/settings.ts';
import type { SettingsBackend } from '../ports.ts';

/** The JSON schema conf / electron-store check the file against: the zod schema's properties
 *  (the zod schema stays the authority; this is a second guard at the file). */
export function settingsJsonSchema(): Schema<Settings> {
  const json = z.toJSONSchema(SettingsSchema, { target: 'draft-2020-12' }) as { properties?: Record<string, unknown> };
  return (json.properties ?? {}) as Schema<Settings>;
}

/** conf and electron-store name a file by folder + name + extension rather than by path. */
export function storeLocation(filePath: string): { cwd: string; name: string; fileExtension: string } {
  const extension = extname(filePath);
  return { cwd: dirname(filePath), name: basename(filePath, extension), fileExtension: extension.slice(1) };
}

/** A SettingsBackend over any conf-compatible store (conf here, electron-store in electron/main). */
export function backendFromStore(store: Conf<Settings>): SettingsBackend {
  return {
    path: store.path,
    read: () => ({ ...store.store }),
    // Replacing the whole store (rather than set per key) is what removes a cleared temperature/topP/topK.
    write: (settings: Settings) => {
      store.store = settings;
    },
  };
}

/** Browser mode's settings file, read and written with conf. */
export function createConfBackend(filePath: string): SettingsBackend {
  const { cwd, name, fileExtension } = storeLocation(filePath);
  const store = new Conf<Settings>({
    cwd,
    configName: name,
    fileExtension,
    schema: settingsJsonSchema(),
    defaults: DEFAULT_SETTINGS,
    // The settings hold a proxy password: readable by this user only.
    configFileMode: 0o600,
  });
  return backendFromStore(store);
}
