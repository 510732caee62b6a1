import type { TokenCheck } from '../../../shared/contract/auth.ts';
import type { Credits, ModelList } from '../../../shared/contract/providers.ts';
import { describeNetworkFailure } from '../chat/networkErrors.ts';
import { hostOf } from '../chat/providerErrors.ts';
import type { ProviderRegistry } from './ProviderRegistry.ts';
import { readCredits, readModels } from './providerReplies.ts';
import type { ProxyAgents } from './proxyAgents.ts';
import { checkToken } from './tokenCheck.ts';

export interface ProviderInfoDeps {
  providers: Pick<ProviderRegistry, 'target'>;
  agents: ProxyAgents;
  /** The proxy for a request to this URL, if any. */
  proxyFor: (url: string) => string | undefined;
  timeoutMs?: number;
}

type Fetched = { ok: true; body: unknown } | { ok: false; reason: string };

function statusReason(status: number, what: string): string {
  if (status === 401 || status === 403) return 'The provider refused the API token. Check it in Settings.';
  if (status === 404 || status === 405) return `This provider does not offer ${what}.`;
  if (status === 429) return 'The provider is rate limiting; try again in a moment.';
  return `The provider could not answer (HTTP ${status}).`;
}

/** Questions about a provider's account that the chat does not need: its models and its balance.
 *  Never fails: whatever goes wrong becomes { available: false, reason }. */
export class ProviderInfo {
  readonly #deps: ProviderInfoDeps;

  constructor(deps: ProviderInfoDeps) {
    this.#deps = deps;
  }

  async models(providerId?: string): Promise<ModelList> {
    const got = await this.#get(providerId, 'models', 'a list of models', false);
    return got.ok ? readModels(got.body) : { available: false, reason: got.reason };
  }

  /** evolink answers GET /credits; other providers mostly do not. */
  async credits(providerId?: string): Promise<Credits> {
    const got = await this.#get(providerId, 'credits', 'an account balance', true);
    return got.ok ? readCredits(got.body) : { available: false, reason: got.reason };
  }

  /** "Test connection": the saved token against the provider's (effective) base URL. */
  async testConnection(providerId: string): Promise<TokenCheck> {
    const { token } = await this.#deps.providers.target(providerId);
    if (!token) return { verdict: 'invalid', message: 'No API token is set for this provider.' };
    return this.checkToken(token, providerId);
  }

  /** A token the user typed, tried against the provider's base URL before it is saved. */
  async checkToken(token: string, providerId?: string): Promise<TokenCheck> {
    const { baseUrl } = await this.#deps.providers.target(providerId);
    const timeoutMs = this.#deps.timeoutMs ?? 10_000;
    return checkToken(baseUrl, token, async (url, bearer) => {
      const response = await this.#deps.agents.fetch(this.#deps.proxyFor(url), url, {
        method: 'GET',
        headers: { Accept: 'application/json', Authorization: `Bearer ${bearer}` },
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined;
      if (!response.ok) await response.body?.cancel().catch(() => undefined);
      return { status: response.status, body };
    });
  }

  async #get(providerId: string | undefined, path: string, what: string, needsToken: boolean): Promise<Fetched> {
    const timeoutMs = this.#deps.timeoutMs ?? 10_000;
    let host = 'the provider';
    try {
      const target = await this.#deps.providers.target(providerId);
      host = hostOf(target.baseUrl);
      if (needsToken && !target.token) return { ok: false, reason: 'Add the API token first.' };
      const url = `${target.baseUrl.replace(/\/+$/, '')}/${path}`;
      const response = await this.#deps.agents.fetch(this.#deps.proxyFor(url), url, {
        method: 'GET',
        headers: { Accept: 'application/json', ...(target.token ? { Authorization: `Bearer ${target.token}` } : {}) },
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, reason: statusReason(response.status, what) };
      }
      return { ok: true, body: await response.json() };
    } catch (err) {
      if (err instanceof SyntaxError) return { ok: false, reason: `${host} did not answer with JSON.` };
      if ((err as { name?: unknown } | null)?.name === 'TimeoutError') {
        return { ok: false, reason: `${host} did not answer within ${Math.round(timeoutMs / 1000)} s.` };
      }
      return { ok: false, reason: describeNetworkFailure(err, host).message };
    }
  }
}
