// The desktop app's keytar stand-in, electron/main/safeStorageKeychain.ts, against the fake safeStorage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorageFallback, TOKEN_FILE } from '../../../electron/main/safeStorageKeychain.ts';
import { makeTempDir, removeTempDir } from '../../support/tempDir.ts';
import { sharedFakeElectron } from './fakeElectron.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).sharedFakeElectron().module);

const fake = sharedFakeElectron();
let dir: string;
beforeEach(() => {
  fake.reset({});
  dir = makeTempDir('safe-storage');
});
afterEach(() => removeTempDir(dir));

describe.runIf(process.platform === 'linux')('safeStorage fallback (Linux backends)', () => {
  it('refuses basic_text: a hard-coded key is no protection', () => {
    Object.assign(fake.safeStorageState, { available: true, backend: 'basic_text' });
    expect(safeStorageFallback(dir)()).toEqual({ reason: 'Electron safeStorage has no keyring to protect its key here (basic_text)' });
  });

  it('refuses when safeStorage cannot encrypt at all', () => {
    Object.assign(fake.safeStorageState, { available: false, backend: 'gnome_libsecret' });
    expect(safeStorageFallback(dir)()).toEqual({ reason: 'Electron safeStorage cannot encrypt on this desktop' });
  });

  it('with a keyring behind it, keeps tokens encrypted in the data dir and reads them back', async () => {
    Object.assign(fake.safeStorageState, { available: true, backend: 'gnome_libsecret' });
    const fallback = safeStorageFallback(dir)();
    if (!('keychain' in fallback)) throw new Error(fallback.reason);
    expect(fallback.name).toBe(`Electron safeStorage (gnome_libsecret) in ${join(dir, TOKEN_FILE)}`);
    await fallback.keychain.setPassword('Parley', 'api-token', 'sk-desktop');
    expect(readFileSync(join(dir, TOKEN_FILE), 'utf8')).not.toContain('sk-desktop');
    expect(await fallback.keychain.getPassword('Parley', 'api-token')).toBe('sk-desktop');
    expect(await fallback.keychain.deletePassword('Parley', 'api-token')).toBe(true);
    expect(await fallback.keychain.getPassword('Parley', 'api-token')).toBeNull();
  });
});
