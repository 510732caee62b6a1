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

/** Holds the API token: env > session (memory) > OS keychain. Never writes it to a file. */
export class TokenVault {
  private sessionToken: string | undefined;
  private storedToken: string | undefined;
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

  async status(): Promise<AuthStatus> {
    const source = this.envToken ? 'env' : this.sessionToken ? 'session' : this.storedToken ? 'keychain' : 'none';
    return {
      hasToken: source !== 'none',
      source,
      keychain: this.state.available ? { available: true } : { available: false, message: this.state.message },
    };
  }

  async getToken(): Promise<string | undefined> {
    return this.envToken ?? this.sessionToken ?? this.storedToken;
  }

  async setToken(token: string, storage: 'keychain' | 'session'): Promise<AuthStatus> {
    const value = token.trim();
    if (!value) fail('invalid_input', 'Paste your API token first.');
    if (storage === 'session') {
      this.sessionToken = value;
      return this.status();
    }
    const keychain = await this.reachableKeychain();
    try {
      await withTimeout(keychain.setPassword(this.service, this.account, value), this.timeoutMs);
    } catch (error) {
      this.markUnavailable(error);
      this.unavailable();
    }
    this.storedToken = value;
    // Saving to the keychain is the user's latest choice: a session token must not shadow it.
    this.sessionToken = undefined;
    return this.status();
  }

  async clearToken(): Promise<AuthStatus> {
    this.sessionToken = undefined;
    if (this.state.available) {
      try {
        await withTimeout(this.state.keychain.deletePassword(this.service, this.account), this.timeoutMs);
        this.storedToken = undefined;
      } catch (error) {
        this.markUnavailable(error);
        fail('keychain_unavailable', `The token in the system keychain could not be removed. ${describeKeychainError(error, 'use')}`);
      }
    }
    return this.status();
  }

  /** A harmless read tells whether the keychain answers (and gives the stored token). */
  private async probe(keychain: Keychain): Promise<boolean> {
    try {
      const stored = await withTimeout(keychain.getPassword(this.service, this.account), this.timeoutMs);
      this.storedToken = stored ?? undefined;
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
