/** Where a provider's own pages are, for the hosts Parley knows; pure, used by main and the renderer. */
interface ProviderLinks {
  /** Where a new API key is made. */
  apiKeys: string;
  /** Where credits are topped up. */
  billing: string;
}

const EVOLINK: ProviderLinks = {
  apiKeys: 'https://evolink.ai/dashboard/keys',
  billing: 'https://evolink.ai/dashboard/billing',
};

function hostname(baseUrl: string | undefined): string {
  if (!baseUrl) return '';
  try {
    return new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function linksFor(baseUrl: string | undefined): ProviderLinks | undefined {
  const host = hostname(baseUrl);
  return host === 'evolink.ai' || host.endsWith('.evolink.ai') ? EVOLINK : undefined;
}

export function billingUrlFor(baseUrl: string | undefined): string | undefined {
  return linksFor(baseUrl)?.billing;
}

export const EVOLINK_API_KEYS_URL = EVOLINK.apiKeys;
