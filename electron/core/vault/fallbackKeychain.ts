import type { Keychain, KeychainLoader } from './keychain.ts';

/** What stands in when keytar cannot load: a keychain and its one-line description, or why there is none. */
export type KeychainFallback = () => { keychain: Keychain; name: string } | { reason: string };

export interface FallbackOptions {
  primary: KeychainLoader;
  /** The desktop app: safeStorage-encrypted file. Browser mode: none (this session only). */
  fallback?: KeychainFallback;
  /** The one line saying what Parley uses instead (console.warn in the app). */
  log?: (line: string) => void;
}

/** keytar when it loads, else the fallback, and both when both exist, so a token saved one way is
 *  found after a switch to the other: reads try keytar first then the fallback, writes and deletes go
 *  to both. Rejects (so the vault offers "this session only") when neither is there. */
export function keychainWithFallback(options: FallbackOptions): KeychainLoader {
  const log = options.log ?? ((line: string) => console.warn(line));
  return async () => {
    let primary: Keychain | undefined;
    let primaryError = '';
    try {
      primary = await options.primary();
    } catch (error) {
      primaryError = error instanceof Error ? error.message : String(error);
    }
    const fallback = options.fallback?.();
    const second = fallback && 'keychain' in fallback ? fallback : undefined;
    if (!primary) {
      const why = `the system keychain module (keytar) could not be loaded: ${firstLine(primaryError)}`;
      if (!second) {
        log(`Parley: ${why}; API tokens can be kept for this session only${fallback && 'reason' in fallback ? ` (${fallback.reason})` : ''}.`);
        throw new Error(primaryError || 'keytar is not installed');
      }
      log(`Parley: ${why}; API tokens are kept encrypted with ${second.name} instead.`);
      return second.keychain;
    }
    return second ? mirrored(primary, second.keychain, log) : primary;
  };
}

/** keytar decides; the fallback copy is best effort (a broken fallback file must not break keytar). */
function mirrored(primary: Keychain, secondary: Keychain, log: (line: string) => void): Keychain {
  const quietly = async <T>(work: () => Promise<T>, otherwise: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      log(`Parley: the fallback token file could not be used: ${error instanceof Error ? error.message : String(error)}`);
      return otherwise;
    }
  };
  return {
    async getPassword(service, account) {
      return (await primary.getPassword(service, account)) ?? (await quietly(() => secondary.getPassword(service, account), null));
    },
    async setPassword(service, account, password) {
      await primary.setPassword(service, account, password);
      await quietly(() => secondary.setPassword(service, account, password), undefined);
    },
    async deletePassword(service, account) {
      const removed = await primary.deletePassword(service, account);
      return (await quietly(() => secondary.deletePassword(service, account), false)) || removed;
    },
  };
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim() || 'not installed';
}
