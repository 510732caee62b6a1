import type { Usage } from '../../../../shared/domain.ts';

/** "1,234 prompt · 56 completion", with reasoning and cached where the provider reported them. */
export function usageParts(usage: Usage): string[] {
  const parts = [`${usage.promptTokens.toLocaleString()} prompt`, `${usage.completionTokens.toLocaleString()} completion`];
  if (usage.reasoningTokens !== undefined) parts.push(`${usage.reasoningTokens.toLocaleString()} reasoning`);
  if (usage.cachedTokens) parts.push(`${usage.cachedTokens.toLocaleString()} cached`);
  return parts;
}

export function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** What a finished reply cost, and how long it took to start. */
export function UsageLine({ usage, timeToFirstTokenMs }: { usage: Usage | undefined; timeToFirstTokenMs: number | undefined }) {
  const parts = usage ? [`Tokens: ${usageParts(usage).join(' · ')}`] : [];
  if (timeToFirstTokenMs !== undefined) parts.push(`first token after ${formatSeconds(timeToFirstTokenMs)}`);
  return <p className="message__usage">{parts.join(' — ')}</p>;
}
