import fs from 'node:fs';
import { join } from 'node:path';

/** Parley's data folder is for its user alone: the folder 0700, every file in it 0600. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** For a process that creates Parley's files (the desktop app, browser mode): new files start private. */
export const PRIVATE_UMASK = 0o077;

/** The files Parley writes in its folder (database with -wal/-shm, backups and set-aside copies,
 *  settings and their set-aside copies, exports); anything else the user keeps there is left alone. */
function isParleyFile(name: string): boolean {
  return name.startsWith('parley') || name.startsWith('settings.json');
}

/** Windows has no POSIX modes; there the folder's ACL (the user's profile) already keeps others out. */
const hasPosixModes = (platform: NodeJS.Platform): boolean => platform !== 'win32';

/** Creates the folder 0700 (or tightens an existing one), and tightens the files Parley keeps in it
 *  (and in its sub-folders, such as images) to 0600. Older installs made them 0755 / 0644. Never
 *  throws: a file it cannot change (not ours) must not stop Parley from starting. */
export function securePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): string[] {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!hasPosixModes(platform)) return [];
  const problems: string[] = [];
  const tighten = (path: string, mode: number): void => {
    try {
      const stat = fs.lstatSync(path);
      if (stat.isSymbolicLink()) return; // never follow a link out of the folder
      if ((stat.mode & 0o777) !== mode) fs.chmodSync(path, mode);
    } catch (error) {
      problems.push(`${path}: ${(error as Error).message}`);
    }
  };
  tighten(dir, PRIVATE_DIR_MODE);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(`${dir}: ${(error as Error).message}`);
    return problems;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isFile() && isParleyFile(entry.name)) tighten(path, PRIVATE_FILE_MODE);
    else if (entry.isDirectory() && isParleyFolder(entry.name)) securePrivateTree(path, tighten);
  }
  return problems;
}

/** Sub-folders Parley creates itself (images stored by hash, exports). */
function isParleyFolder(name: string): boolean {
  return name === 'images' || name === 'exports' || name.startsWith('parley');
}

function securePrivateTree(dir: string, tighten: (path: string, mode: number) => void, depth = 0): void {
  tighten(dir, PRIVATE_DIR_MODE);
  if (depth > 3) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isFile()) tighten(path, PRIVATE_FILE_MODE);
    else if (entry.isDirectory()) securePrivateTree(path, tighten, depth + 1);
  }
}

/** New files this process creates get no group or other bits (SQLite's -wal/-shm, backups made with
 *  VACUUM INTO, exports). Call once at start-up of the desktop app and of browser mode. */
export function usePrivateUmask(platform: NodeJS.Platform = process.platform): void {
  if (hasPosixModes(platform)) process.umask(PRIVATE_UMASK);
}
