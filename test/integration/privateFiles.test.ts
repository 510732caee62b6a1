// Finding 3: Parley's folder is 0700 and every file it writes there 0600, and older installs
// (0755 / 0644) are tightened at start without losing anything.
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usePrivateUmask } from '../../electron/core/privateFiles.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8).padStart(3, '0');

let home: string;
let open: Services | undefined;

async function start(dataDir: string): Promise<Services> {
  open = await createServices({
    mode: 'browser',
    dataDir,
    version: '0.0.0-test',
    env: {},
    settingsBackend: createConfBackend,
    keychain: () => Promise.reject(new Error('no keychain in this test')),
    events: { emit: () => undefined },
  });
  return open;
}

async function value<T>(services: Services, channel: string, input?: unknown): Promise<T> {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** The modes of everything Parley keeps, by name. */
function modes(dataDir: string): Record<string, string> {
  const found: Record<string, string> = { '.': modeOf(dataDir) };
  for (const name of readdirSync(dataDir)) found[name] = modeOf(join(dataDir, name));
  return found;
}

beforeEach(() => {
  home = makeTempDir('private');
});

afterEach(async () => {
  await open?.close();
  open = undefined;
  removeTempDir(home);
});

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('creates a fresh data folder 0700 with the database, its -wal/-shm and settings.json 0600', async () => {
    const previous = process.umask(0o022); // what a desktop session usually has
    try {
      const dataDir = join(home, 'config', 'Parley');
      const services = await start(dataDir);
      await value(services, 'settings:update', { proxyUrl: 'http://user:secret@127.0.0.1:3128' });
      await value(services, 'conversations:create', { title: 'Private' });
      expect(existsSync(join(dataDir, 'parley.db-wal'))).toBe(true);
      expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
      const found = modes(dataDir);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, name === '.' ? '700' : '600'])));
    } finally {
      process.umask(previous);
    }
  });

  it('tightens an existing install (0755 folder, 0644 files, a backup) and keeps its data and other files', async () => {
    const previous = process.umask(0o022);
    const dataDir = join(home, 'Parley');
    try {
      const first = await start(dataDir);
      const conversation = await value<{ id: string }>(first, 'conversations:create', { title: 'Kept across the upgrade' });
      await first.close();
      open = undefined;
      // As an older Parley left it.
      chmodSync(dataDir, 0o755);
      for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
      writeFileSync(join(dataDir, 'parley.db.bak-v3'), 'an old backup', { mode: 0o644 });
      writeFileSync(join(dataDir, 'notes-of-my-own.txt'), 'not Parley’s', { mode: 0o644 });
      mkdirSync(join(dataDir, 'images'), { mode: 0o755 });
      writeFileSync(join(dataDir, 'images', 'abc.png'), 'png', { mode: 0o644 });

      const second = await start(dataDir);
      const list = await value<Array<{ id: string }>>(second, 'conversations:list');
      expect(list.map((c) => c.id)).toContain(conversation.id);
      const found = modes(dataDir);
      expect(found['.']).toBe('700');
      expect(found['parley.db']).toBe('600');
      expect(found['parley.db-wal']).toBe('600');
      expect(found['parley.db-shm']).toBe('600');
      expect(found['parley.db.bak-v3']).toBe('600');
      expect(found['settings.json']).toBe('600');
      expect(found.images).toBe('700');
      expect(modeOf(join(dataDir, 'images', 'abc.png'))).toBe('600');
      expect(found['notes-of-my-own.txt']).toBe('644');
    } finally {
      process.umask(previous);
    }
  });

  it('makes new files private in the processes that start Parley (the umask)', () => {
    const previous = process.umask();
    try {
      usePrivateUmask();
      const file = join(home, 'export.json');
      writeFileSync(file, '{}');
      expect(modeOf(file)).toBe('600');
    } finally {
      process.umask(previous);
    }
  });
});
