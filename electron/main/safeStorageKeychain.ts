import { join } from 'node:path';
import { safeStorage } from 'electron';
import { encryptedFileKeychain } from '../core/vault/fileKeychain.ts';
import type { KeychainFallback } from '../core/vault/fallbackKeychain.ts';

export const TOKEN_FILE = 'tokens.enc.json';

/** The desktop app's stand-in for keytar: Electron's safeStorage (Keychain, DPAPI, libsecret or
 *  KWallet underneath) encrypting into a 0600 file in the data dir. On Linux, 'basic_text' means a
 *  hard-coded key, so it counts as no protection at all. Call after app 'ready'. */
export function safeStorageFallback(dataDir: string): KeychainFallback {
  return () => {
    if (!safeStorage.isEncryptionAvailable()) return { reason: 'Electron safeStorage cannot encrypt on this desktop' };
    let backend: string = process.platform === 'darwin' ? 'macOS Keychain' : process.platform === 'win32' ? 'DPAPI' : '';
    if (process.platform === 'linux') {
      backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') {
        return { reason: `Electron safeStorage has no keyring to protect its key here (${backend})` };
      }
    }
    return {
      name: `Electron safeStorage (${backend}) in ${join(dataDir, TOKEN_FILE)}`,
      keychain: encryptedFileKeychain(join(dataDir, TOKEN_FILE), {
        encrypt: (plainText) => safeStorage.encryptString(plainText),
        decrypt: (encrypted) => safeStorage.decryptString(encrypted),
      }),
    };
  };
}
