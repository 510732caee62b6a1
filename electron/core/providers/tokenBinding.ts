import type { ParsedCallInput } from '../../../shared/contract/index.ts';
import type { ProviderView } from '../../../shared/contract/providers.ts';
import { fail } from '../../../shared/errors.ts';
import type { SettingsPatch } from '../../../shared/settings.ts';
import type { SettingsService } from '../settings/SettingsService.ts';
import type { ProviderRegistry } from './ProviderRegistry.ts';

/** A change that would send a stored token somewhere new. */
export interface TokenMove {
  /** The provider(s) whose token is concerned, by name. */
  providers: string[];
  /** Where the token went so far (a host, or "directly"), and where it would go now. */
  from: string;
  to: string;
  via: 'base-url' | 'proxy';
}

/** The desktop app's question to the user (a main-process dialog the page cannot click): true keeps the token. */
export type ConfirmTokenMove = (move: TokenMove) => Promise<boolean>;

type Decision = boolean | undefined;

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return url;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A token in the keychain or kept for this session; PARLEY_API_TOKEN is the environment's own choice. */
const storedToken = (p: ProviderView): boolean => p.hasToken && (p.tokenSource === 'keychain' || p.tokenSource === 'session');

/**
 * A stored token belongs to the host it was saved for. A change of a provider's base URL (or of the
 * proxy) to another origin keeps the token only when the user confirms: in the desktop app through
 * `confirm` (the page's keepToken is ignored there), in browser mode through `keepToken: true` in the
 * call, and without either the call is refused with `confirm_required`. Declining drops the token
 * before the change is saved, so the new host never receives it.
 */
export class TokenBinding {
  readonly #providers: ProviderRegistry;
  readonly #settings: SettingsService;
  readonly #confirm: ConfirmTokenMove | undefined;

  constructor(deps: { providers: ProviderRegistry; settings: SettingsService; confirm?: ConfirmTokenMove }) {
    this.#providers = deps.providers;
    this.#settings = deps.settings;
    this.#confirm = deps.confirm;
  }

  async beforeProviderSave(input: ParsedCallInput<'providers:save'>): Promise<void> {
    if (input.id === undefined) return;
    const current = (await this.#providers.list()).providers.find((p) => p.id === input.id);
    if (!current) return; // the save itself reports the missing provider
    const pinned = current.isDefault && this.#settings.view().overriddenByEnv.apiBaseUrl;
    await this.#guard([current], current.effectiveBaseUrl, pinned ? current.effectiveBaseUrl : input.baseUrl, input.keepToken, 'base-url');
  }

  async beforeSettingsUpdate(patch: SettingsPatch, keepToken: Decision): Promise<void> {
    const view = this.#settings.view();
    const list = await this.#providers.list();
    if (patch.apiBaseUrl !== undefined && !view.overriddenByEnv.apiBaseUrl) {
      const current = list.providers.find((p) => p.isDefault);
      if (current) await this.#guard([current], current.effectiveBaseUrl, patch.apiBaseUrl, keepToken, 'base-url');
    }
    // Removing the proxy sends each token straight to its own host: nothing new learns it.
    if (patch.proxyUrl) {
      const before = view.settings.proxyUrl;
      if (originOf(before) !== originOf(patch.proxyUrl)) {
        await this.#guard(list.providers, before ?? 'directly', patch.proxyUrl, keepToken, 'proxy', true);
      }
    }
  }

  async #guard(affected: ProviderView[], from: string, to: string, keepToken: Decision, via: TokenMove['via'], moved = false): Promise<void> {
    if (!moved && originOf(from) === originOf(to)) return;
    const holders = affected.filter(storedToken);
    if (holders.length === 0) return;
    const move: TokenMove = { providers: holders.map((p) => p.name), from: from === 'directly' ? from : hostOf(from), to: hostOf(to), via };
    let keep: boolean;
    if (this.#confirm) keep = await this.#confirm(move);
    else if (keepToken === undefined) fail('confirm_required', describeTokenMove(move));
    else keep = keepToken;
    if (keep) return;
    for (const holder of holders) await this.#providers.clearToken(holder.id);
  }
}

/** The question, in words: used as the error message and in the desktop dialog. */
export function describeTokenMove(move: TokenMove): string {
  const names = move.providers.join(', ');
  return move.via === 'proxy'
    ? `The token saved for ${names} would go through a new proxy, ${move.to}. Keep the token only if you trust that proxy; otherwise Parley forgets it and you enter it again.`
    : `The token saved for ${names} would go to a new host, ${move.to} (it was saved for ${move.from}). Keep the token only if you trust ${move.to}; otherwise Parley forgets it and you enter it again.`;
}
