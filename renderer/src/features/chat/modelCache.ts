import type { ParleyApi } from '../../../../shared/contract/api.ts';
import type { ModelList } from '../../../../shared/contract/providers.ts';

// The provider's models change rarely and GET /models costs a round trip: asked once per provider
// per window, again only on "Refresh list".
const cache = new Map<string, Promise<ModelList>>();

export function loadModels(api: ParleyApi, providerId: string | undefined, refresh = false): Promise<ModelList> {
  const key = providerId ?? '';
  const cached = cache.get(key);
  if (cached && !refresh) return cached;
  const loading = api.providers.models(providerId ? { providerId } : undefined).then(
    (result): ModelList => (result.ok ? result.value : { available: false, reason: result.error.message }),
  );
  cache.set(key, loading);
  // A failure is not kept: the next open asks again.
  void loading.then((list) => {
    if (!list.available && cache.get(key) === loading) cache.delete(key);
  });
  return loading;
}

/** The models that match what was typed (any order of words, any case), the list order kept. */
export function filterModels(models: readonly string[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...models];
  return models.filter((model) => words.every((word) => model.toLowerCase().includes(word)));
}
