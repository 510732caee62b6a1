import type { Usage } from '../../../shared/domain.ts';

function sum(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

/** Token counts of two requests for one message (a reply and its continuation), added up. */
export function addUsage(base: Usage | undefined, next: Usage): Usage {
  if (!base) return next;
  const total: Usage = {
    promptTokens: base.promptTokens + next.promptTokens,
    completionTokens: base.completionTokens + next.completionTokens,
    totalTokens: base.totalTokens + next.totalTokens,
  };
  const reasoning = sum(base.reasoningTokens, next.reasoningTokens);
  const cached = sum(base.cachedTokens, next.cachedTokens);
  if (reasoning !== undefined) total.reasoningTokens = reasoning;
  if (cached !== undefined) total.cachedTokens = cached;
  return total;
}
