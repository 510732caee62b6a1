import type { AuthStatus } from '../../../shared/contract/auth.ts';
import { fail } from '../../../shared/errors.ts';
import type { Keychain, KeychainLoader } from './keychain.ts';
import { SESSION_ONLY_HINT, describeKeychainError, withTimeout } from './keychainErrors.ts';

export interface TokenVaultOptions {
  loadKeychain: KeychainLoader;
  /** PARLEY_API_TOKEN: wins over everything, never stored. */
  envToken?: string;
  service?: string;
  account?: string;
  /** How long one keychain call may take before it counts as unavailable. */
  timeoutMs?: number;
}

type KeychainState = { available: true; keychain: Keychain } | { available: false; message: string; keychain?: Keychain };

/** Which token: a keychain account (one per provider), and whether PARLEY_API_TOKEN stands in for it
 *  (only for the default provider: the environment's token must never go to another host). */
export interface TokenSlot {
  account: string;
  env: boolean;
}

/** Holds the API tokens, one per keychain account: env > session (memory) > OS keychain. Never
 *  writes one to a file. Without a slot, calls are about the first account (the default provider). */
export class TokenVault {
  private readonly sessionTokens = new Map<string, string>();
  /** What the keychain holds per account, once read (null: nothing). */
  private readonly storedTokens = new Map<string, string | null>();
  private state: KeychainState;
  private readonly envToken: string | undefined;
  private readonly service: string;
  private readonly account: string;
  private readonly timeoutMs: number;

  private constructor(state: KeychainState, envToken: string | undefined, service: string, account: string, timeoutMs: number) {
    this.state = state;
    this.envToken = envToken;
    this.service = service;
    this.account = account;
    this.timeoutMs = timeoutMs;
  }

  static async create(options: TokenVaultOptions): Promise<TokenVault> {
    const service = options.service ?? 'Parley';
    const account = options.account ?? 'api-token';
    const timeoutMs = options.timeoutMs ?? 4000;
    const envToken = options.envToken?.trim() || undefined;
    let keychain: Keychain;
    try {
      keychain = await withTimeout(options.loadKeychain(), timeoutMs);
    } catch (error) {
      return new TokenVault({ available: false, message: describeKeychainError(error, 'load') }, envToken, service, account, timeoutMs);
    }
    const vault = new TokenVault({ available: false, message: '', keychain }, envToken, service, account, timeoutMs);
    await vault.probe(keychain);
    return vault;
  }

  /** The slot of the first account (the token Parley kept before there were several providers). */
  get defaultSlot(): TokenSlot {
    return { account: this.account, env: true };
  }

  async status(slot: TokenSlot = this.defaultSlot): Promise<AuthStatus> {
    const stored = await this.stored(slot.account);
    const source =
      slot.env && this.envToken ? 'env' : this.sessionTokens.has(slot.account) ? 'session' : stored ? 'keychain' : 'none';
    return {
      hasToken: source !== 'none',
      source,
      keychain: this.state.available ? { available: true } : { available: false, message: this.state.message },
    };
  }

  async getToken(slot: TokenSlot = this.defaultSlot): Promise<string | undefined> {
    if (slot.env && this.envToken) return this.envToken;
    return this.sessionTokens.get(slot.account) ?? (await this.stored(slot.account));
  }

  async setToken(token: string, storage: 'keychain' | 'session', slot: TokenSlot = this.defaultSlot): Promise<AuthStatus> {
    const value = token.trim();
    if (!value) fail('invalid_input', 'Paste your API token first.');
    if (storage === 'session') {
      this.sessionTokens.set(slot.account, value);
      return this.status(slot);
    }
    const keychain = await this.reachableKeychain();
    try {
      await withTimeout(keychain.setPassword(this.service, slot.account, value), this.timeoutMs);
    } catch (error) {
      this.markUnavailable(error);
      this.unavailable();
    }
    this.storedTokens.set(slot.account, value);
    // Saving to the keychain is the user's latest choice: a session token must not shadow it.
    this.sessionTokens.delete(slot.account);
    return this.status(slot);
  }

  async clearToken(slot: TokenSlot = this.defaultSlot): Promise<AuthStatus> {
    this.sessionTokens.delete(slot.account);
    if (this.state.available) {
      try {
        await withTimeout(this.state.keychain.deletePassword(this.service, slot.account), this.timeoutMs);
        this.storedTokens.set(slot.account, null);
      } catch (error) {
        this.markUnavailable(error);
        fail('keychain_unavailable', `The token in the system keychain could not be removed. ${describeKeychainError(error, 'use')}`);
      }
    }
    return this.status(slot);
  }

  /** The keychain's token for an account, read once; undefined when there is none or it cannot be read. */
  private async stored(account: string): Promise<string | undefined> {
    const known = this.storedTokens.get(account);
    if (known !== undefined || this.storedTokens.has(account)) return known ?? undefined;
    if (!this.state.available) return undefined;
    try {
      const value = await withTimeout(this.state.keychain.getPassword(this.service, account), this.timeoutMs);
      this.storedTokens.set(account, value ?? null);
      return value ?? undefined;
    } catch (error) {
      this.markUnavailable(error);
      return undefined;
    }
  }

  /** A harmless read tells whether the keychain answers (and gives the stored token). */
  private async probe(keychain: Keychain): Promise<boolean> {
    try {
      const stored = await withTimeout(keychain.getPassword(this.service, this.account), this.timeoutMs);
      this.storedTokens.set(this.account, stored ?? null);
      this.state = { available: true, keychain };
      return true;
    } catch (error) {
      this.state = { available: false, message: describeKeychainError(error, 'use'), keychain };
      return false;
    }
  }

  /** The keychain may have been unlocked since start-up: one more probe before giving up. */
  private async reachableKeychain(): Promise<Keychain> {
    if (this.state.available) return this.state.keychain;
    const keychain = this.state.keychain;
    if (keychain && (await this.probe(keychain))) return keychain;
    return this.unavailable();
  }

  private markUnavailable(error: unknown): void {
    this.state = { available: false, message: describeKeychainError(error, 'use'), keychain: this.state.keychain };
  }

  private unavailable(): never {
    const message = this.state.available ? 'The system keychain is not available.' : this.state.message;
    return fail('keychain_unavailable', `${message} ${SESSION_ONLY_HINT}`);
  }
}

export { loadKeytar, type Keychain, type KeychainLoader } from './keychain.ts';
