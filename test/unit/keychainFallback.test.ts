import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainWithFallback, type KeychainFallback } from '../../electron/core/vault/fallbackKeychain.ts';
import { encryptedFileKeychain, type SecretCipher } from '../../electron/core/vault/fileKeychain.ts';
import type { Keychain, KeychainLoader } from '../../electron/core/vault/keychain.ts';
import { TokenVault } from '../../electron/core/vault/TokenVault.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

/** A real cipher (AES-256-GCM, key kept in memory) standing in for safeStorage's OS-held key. */
function aesCipher(key = randomBytes(32)): SecretCipher {
  return {
    encrypt(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** keytar's place: an in-memory keychain (the real one is covered in test/integration/vault.test.ts). */
function memoryKeychain(): Keychain {
  const entries = new Map<string, string>();
  return {
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
  };
}

const missingKeytar: KeychainLoader = async () => {
  throw new Error("Cannot find package 'keytar' imported from out/main/index.js\n    at stack line");
};

describe('the keychain fallback (keytar optional)', () => {
  let dir: string;
  let file: string;
  let lines: string[];
  const cipher = aesCipher();
  const fileFallback: KeychainFallback = () => ({ keychain: encryptedFileKeychain(file, cipher), name: 'the test cipher' });
  const vault = (primary: KeychainLoader, fallback?: KeychainFallback) =>
    TokenVault.create({ loadKeychain: keychainWithFallback({ primary, fallback, log: (line) => lines.push(line) }), service: 'Parley-test' });

  beforeEach(() => {
    dir = makeTempDir('keychain-fallback');
    file = join(dir, 'tokens.enc.json');
    lines = [];
  });
  afterEach(() => removeTempDir(dir));

  it('without keytar, says in one line what it uses instead and keeps the token encrypted in a 0600 file', async () => {
    const first = await vault(missingKeytar, fileFallback);
    expect(lines).toEqual([
      "Parley: the system keychain module (keytar) could not be loaded: Cannot find package 'keytar' imported from out/main/index.js; API tokens are kept encrypted with the test cipher instead.",
    ]);
    expect(await first.setToken('sk-fallback-secret', 'keychain')).toMatchObject({ hasToken: true, source: 'keychain', keychain: { available: true } });
    expect(readFileSync(file, 'utf8')).not.toContain('sk-fallback-secret');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    const restarted = await vault(missingKeytar, fileFallback);
    expect(await restarted.getToken()).toBe('sk-fallback-secret');
  });

  it('finds a token saved through the fallback once keytar loads, and one saved through keytar once it no longer does', async () => {
    const keytar = memoryKeychain();
    await (await vault(missingKeytar, fileFallback)).setToken('sk-saved-without-keytar', 'keychain');
    const withKeytar = await vault(async () => keytar, fileFallback);
    expect(await withKeytar.getToken()).toBe('sk-saved-without-keytar');

    await withKeytar.setToken('sk-saved-with-keytar', 'keychain');
    expect(await keytar.getPassword('Parley-test', 'api-token')).toBe('sk-saved-with-keytar');
    const keytarGone = await vault(missingKeytar, fileFallback);
    expect(await keytarGone.getToken()).toBe('sk-saved-with-keytar');
  });

  it('clears the token from keytar and from the fallback file', async () => {
    const keytar = memoryKeychain();
    const both = await vault(async () => keytar, fileFallback);
    await both.setToken('sk-to-clear', 'keychain');
    expect(await both.clearToken()).toMatchObject({ hasToken: false, source: 'none' });
    expect(await keytar.getPassword('Parley-test', 'api-token')).toBeNull();
    expect(await (await vault(missingKeytar, fileFallback)).getToken()).toBeUndefined();
  });

  it('with neither (browser mode without keytar), offers this session only and says so', async () => {
    const sessionOnly = await vault(missingKeytar);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/keytar\) could not be loaded: .*; API tokens can be kept for this session only\.$/);
    expect((await sessionOnly.status()).keychain.available).toBe(false);
    await expect(sessionOnly.setToken('sk-x', 'keychain')).rejects.toMatchObject({ error: { code: 'keychain_unavailable' } });
    expect(await sessionOnly.setToken('sk-x', 'session')).toMatchObject({ hasToken: true, source: 'session' });
  });

  it('names why the fallback could not be used (safeStorage on basic_text)', async () => {
    await vault(missingKeytar, () => ({ reason: 'Electron safeStorage has no keyring to protect its key here (basic_text)' }));
    expect(lines[0]).toMatch(/this session only \(Electron safeStorage has no keyring to protect its key here \(basic_text\)\)\.$/);
  });

  it('keeps keytar working when the fallback file is damaged', async () => {
    writeFileSync(file, '{"not":"a token file"}');
    const keytar = memoryKeychain();
    await keytar.setPassword('Parley-test', 'api-token', 'sk-in-keytar');
    const both = await vault(async () => keytar, fileFallback);
    expect(await both.getToken()).toBe('sk-in-keytar');
    await both.setToken('sk-newer', 'keychain');
    expect(await keytar.getPassword('Parley-test', 'api-token')).toBe('sk-newer');
    expect(lines.some((line) => line.includes('fallback token file could not be used'))).toBe(true);
  });

  it('a file encrypted under another key is refused as unreadable, not returned as garbage', async () => {
    await encryptedFileKeychain(file, aesCipher()).setPassword('Parley-test', 'api-token', 'sk-other-key');
    const fallbackOnly = await vault(missingKeytar, fileFallback);
    expect(await fallbackOnly.getToken()).toBeUndefined();
    expect((await fallbackOnly.status()).keychain.available).toBe(false);
  });
});
