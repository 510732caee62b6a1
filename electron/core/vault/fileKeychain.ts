import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Keychain } from './keychain.ts';

/** Encrypts with a key the operating system keeps (Electron's safeStorage in the desktop app). */
export interface SecretCipher {
  encrypt(plainText: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

const fileSchema = z.object({
  version: z.literal(1),
  /** `${service}\n${account}` → base64 of the encrypted token. */
  entries: z.record(z.string(), z.string()),
});
type TokenFile = z.infer<typeof fileSchema>;

const key = (service: string, account: string): string => `${service}\n${account}`;

/** The keychain Parley falls back to when keytar cannot load: encrypted tokens in one file only the
 *  user can read (0600). The file never holds a token in plain text; the cipher's key stays with the OS. */
export function encryptedFileKeychain(filePath: string, cipher: SecretCipher): Keychain {
  const read = (): TokenFile => {
    if (!existsSync(filePath)) return { version: 1, entries: {} };
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    if (!parsed.success) throw new Error(`${filePath} is not a Parley token file`);
    return parsed.data;
  };
  const write = (data: TokenFile): void => {
    mkdirSync(dirname(filePath), { recursive: true, mode: 0o700 });
    const temp = `${filePath}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
    chmodSync(temp, 0o600); // the mode above is masked by the umask; this one is not
    renameSync(temp, filePath);
  };
  return {
    async getPassword(service, account) {
      const stored = read().entries[key(service, account)];
      return stored === undefined ? null : cipher.decrypt(Buffer.from(stored, 'base64'));
    },
    async setPassword(service, account, password) {
      const data = read();
      data.entries[key(service, account)] = cipher.encrypt(password).toString('base64');
      write(data);
    },
    async deletePassword(service, account) {
      const data = read();
      if (!(key(service, account) in data.entries)) return false;
      delete data.entries[key(service, account)];
      write(data);
      return true;
    },
  };
}
