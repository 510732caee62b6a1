import { randomUUID } from 'node:crypto';
import type { AuthStatus } from '../../../shared/contract/auth.ts';
import type { ParsedCallInput } from '../../../shared/contract/index.ts';
import type { ProviderList, ProviderView } from '../../../shared/contract/providers.ts';
import { fail } from '../../../shared/errors.ts';
import { MAX_PROVIDERS, type Provider } from '../../../shared/settings.ts';
import type { SettingsService } from '../settings/SettingsService.ts';
import type { TokenSlot, TokenVault } from '../vault/TokenVault.ts';
import { LEGACY_PROVIDER_ID, defaultProviderIdOf, providersOf, withProviders } from './providerList.ts';

/** Where requests for one provider go, resolved at the moment of the request. */
export interface ProviderTarget {
  providerId: string;
  baseUrl: string;
  token: string | undefined;
}

const GONE = 'That provider no longer exists.';

/** The saved providers (in the settings) and their tokens (in the vault, one keychain entry each). */
export class ProviderRegistry {
  readonly #settings: SettingsService;
  readonly #vault: TokenVault;

  constructor(settings: SettingsService, vault: TokenVault) {
    this.#settings = settings;
    this.#vault = vault;
  }

  async list(): Promise<ProviderList> {
    const defaultProviderId = this.defaultId();
    const providers = await Promise.all(this.#providers().map((p) => this.#view(p, defaultProviderId)));
    return { providers, defaultProviderId };
  }

  defaultId(): string {
    return defaultProviderIdOf(this.#settings.current());
  }

  /** The provider asked for; an unknown or absent id means the default one. */
  async target(providerId?: string): Promise<ProviderTarget> {
    const provider = this.#find(providerId) ?? this.#find(this.defaultId()) ?? fail('internal', 'No provider is set up.');
    const isDefault = provider.id === this.defaultId();
    return {
      providerId: provider.id,
      baseUrl: isDefault ? this.#settings.effectiveBaseUrl() : provider.baseUrl,
      token: await this.#vault.getToken(this.#slot(provider.id)),
    };
  }

  exists(providerId: string): boolean {
    return this.#find(providerId) !== undefined;
  }

  async save(input: ParsedCallInput<'providers:save'>): Promise<ProviderView> {
    const current = this.#providers();
    const defaultId = this.defaultId();
    let saved: Provider;
    if (input.id === undefined) {
      if (current.length >= MAX_PROVIDERS) fail('invalid_input', `Parley keeps at most ${MAX_PROVIDERS} providers.`);
      saved = { id: randomUUID(), name: input.name, baseUrl: input.baseUrl };
      current.push(saved);
    } else {
      const index = current.findIndex((p) => p.id === input.id);
      if (index < 0) fail('not_found_local', GONE);
      saved = { id: input.id, name: input.name, baseUrl: input.baseUrl };
      current[index] = saved;
    }
    const settings = this.#settings.current();
    this.#settings.write(withProviders(settings, current, defaultId));
    return this.#view(saved, defaultId);
  }

  /** The default provider stays: another one must become the default first. Its token goes too. */
  async delete(id: string): Promise<ProviderList> {
    const current = this.#providers();
    if (!current.some((p) => p.id === id)) fail('not_found_local', GONE);
    if (id === this.defaultId()) fail('invalid_input', 'This is the default provider. Make another provider the default first.');
    this.#settings.write(withProviders(this.#settings.current(), current.filter((p) => p.id !== id), this.defaultId()));
    try {
      await this.#vault.clearToken(this.#slot(id));
    } catch {
      // The provider is gone; a token left in a locked keychain is harmless and unreachable.
    }
    return this.list();
  }

  async setDefault(id: string): Promise<ProviderList> {
    if (!this.exists(id)) fail('not_found_local', GONE);
    this.#settings.write(withProviders(this.#settings.current(), this.#providers(), id));
    return this.list();
  }

  async status(providerId?: string): Promise<AuthStatus> {
    return this.#vault.status(this.#slot(this.#resolveId(providerId)));
  }

  async setToken(token: string, storage: 'keychain' | 'session', providerId?: string): Promise<AuthStatus> {
    return this.#vault.setToken(token, storage, this.#slot(this.#resolveId(providerId)));
  }

  async clearToken(providerId?: string): Promise<AuthStatus> {
    return this.#vault.clearToken(this.#slot(this.#resolveId(providerId)));
  }

  /** A token call about an unknown provider is refused rather than filed under a stray account. */
  #resolveId(providerId: string | undefined): string {
    if (providerId === undefined) return this.defaultId();
    if (!this.exists(providerId)) fail('not_found_local', GONE);
    return providerId;
  }

  /** The first provider keeps the keychain entry Parley always used; others get `provider:<id>`.
   *  PARLEY_API_TOKEN stands in only for the default provider. */
  #slot(providerId: string): TokenSlot {
    const account = providerId === LEGACY_PROVIDER_ID ? this.#vault.defaultSlot.account : `provider:${providerId}`;
    return { account, env: providerId === this.defaultId() };
  }

  #providers(): Provider[] {
    return providersOf(this.#settings.current());
  }

  #find(id: string | undefined): Provider | undefined {
    return id === undefined ? undefined : this.#providers().find((p) => p.id === id);
  }

  async #view(provider: Provider, defaultId: string): Promise<ProviderView> {
    const isDefault = provider.id === defaultId;
    const status = await this.#vault.status(this.#slot(provider.id));
    return {
      ...provider,
      effectiveBaseUrl: isDefault ? this.#settings.effectiveBaseUrl() : provider.baseUrl,
      isDefault,
      hasToken: status.hasToken,
      tokenSource: status.source,
    };
  }
}
