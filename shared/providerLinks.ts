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

/** The ready-made choices for evolink (first run, provider editor). */
export const EVOLINK_PRESETS = [
  { baseUrl: 'https://direct.evolink.ai/v1', label: 'direct.evolink.ai', note: 'Recommended for text models and long connections' },
  { baseUrl: 'https://api.evolink.ai/v1', label: 'api.evolink.ai', note: 'The main address, also for images and video' },
] as const;

export const EVOLINK_MODELS = [
  { model: 'gpt-5.2', note: 'GPT-5.2' },
  { model: 'evolink/auto', note: 'Smart routing: evolink picks the model for each request' },
] as const;
