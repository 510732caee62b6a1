import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

/** Where the desktop app keeps its data (Electron's userData for an app named "Parley"), so browser
 *  mode opens the same settings and conversations by default. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Parley');
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', 'Parley');
  }
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Parley');
}

export const SETTINGS_FILE_NAME = 'settings.json';
