import type { TokenCheck } from '../../../shared/contract/auth.ts';
import { linksFor } from '../../../shared/providerLinks.ts';
import { describeNetworkFailure } from '../chat/networkErrors.ts';
import { hostOf } from '../chat/providerErrors.ts';
import { readCredits } from './providerReplies.ts';

/** One GET with the token; its status, and its JSON body when it had one. */
export type TokenProbe = (url: string, token: string) => Promise<{ status: number; body: unknown }>;

function verdict(kind: TokenCheck['verdict'], message: string, helpUrl: string | undefined): TokenCheck {
  return { verdict: kind, message, ...(helpUrl ? { helpUrl } : {}) };
}

/**
 * A cheap look at a token before it is saved: GET /credits (evolink answers it, and it says whether
 * there is anything to spend), else GET /models. 401/403 mean the token is wrong; 402 or an empty
 * balance mean it works but cannot pay; anything else that answers means it works.
 */
export async function checkToken(baseUrl: string, token: string, probe: TokenProbe): Promise<TokenCheck> {
  const host = hostOf(baseUrl);
  const links = linksFor(baseUrl);
  const base = baseUrl.replace(/\/+$/, '');
  try {
    for (const path of ['credits', 'models']) {
      const { status, body } = await probe(`${base}/${path}`, token);
      if (status === 401 || status === 403) {
        return verdict('invalid', `${host} did not accept this token.`, links?.apiKeys);
      }
      if (status === 402) return verdict('no_credits', `The token works, but the account at ${host} has no credits left.`, links?.billing);
      if (status >= 200 && status < 300) {
        if (path === 'credits') {
          const credits = readCredits(body);
          if (credits.available && !credits.unlimited && (credits.balance <= 0 || (credits.tokenBalance ?? 1) <= 0)) {
            return verdict('no_credits', `The token works, but the account at ${host} has no credits left.`, links?.billing);
          }
        }
        return verdict('valid', `${host} accepted the token.`, undefined);
      }
      // 404 and the like: this endpoint is not offered; try the next.
    }
    return verdict('unchecked', `${host} offers no way to check a token; it will be tried on the first message.`, undefined);
  } catch (err) {
    const reason = (err as { name?: unknown } | null)?.name === 'TimeoutError' ? `${host} did not answer in time.` : describeNetworkFailure(err, host).message;
    return verdict('unchecked', `Could not check the token: ${reason}`, undefined);
  }
}
