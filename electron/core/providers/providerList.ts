import type { Provider, Settings } from '../../../shared/settings.ts';

/** The provider made from the single apiBaseUrl of settings from before providers existed. Its token
 *  stays where it always was (the keychain's "api-token" entry). */
export const LEGACY_PROVIDER_ID = 'default';

/** A readable name from a base URL: api.evolink.ai → evolink.ai, 127.0.0.1:8080 stays as it is. */
export function nameForUrl(baseUrl: string): string {
  try {
    const host = new URL(baseUrl).host;
    return host.replace(/^(api|www)\./i, '') || 'Provider';
  } catch {
    return 'Provider';
  }
}

/** The saved providers; settings without any have one, made from apiBaseUrl. apiBaseUrl is the
 *  default provider's base URL and wins over a stale copy in the list. */
export function providersOf(settings: Settings): Provider[] {
  const saved = settings.providers ?? [];
  if (saved.length === 0) {
    return [{ id: LEGACY_PROVIDER_ID, name: nameForUrl(settings.apiBaseUrl), baseUrl: settings.apiBaseUrl }];
  }
  const defaultId = defaultIdIn(saved, settings.defaultProviderId);
  return saved.map((p) => (p.id === defaultId ? { ...p, baseUrl: settings.apiBaseUrl } : { ...p }));
}

function defaultIdIn(providers: readonly Provider[], wanted: string | undefined): string {
  return providers.find((p) => p.id === wanted)?.id ?? providers[0]?.id ?? LEGACY_PROVIDER_ID;
}

export function defaultProviderIdOf(settings: Settings): string {
  return defaultIdIn(providersOf(settings), settings.defaultProviderId);
}

/** The settings fields that store a list of providers with a default, apiBaseUrl kept in step. */
export function withProviders(settings: Settings, providers: Provider[], defaultId: string): Partial<Settings> {
  const fallback = providers.find((p) => p.id === defaultId) ?? providers[0];
  return {
    providers,
    defaultProviderId: fallback?.id ?? defaultId,
    apiBaseUrl: fallback?.baseUrl ?? settings.apiBaseUrl,
  };
}
