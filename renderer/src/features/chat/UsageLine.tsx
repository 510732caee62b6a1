import type { Usage } from '../../../../shared/domain.ts';
import { Tooltip } from '../../ui/Tooltip.tsx';

/** "1,234 prompt · 56 completion", with reasoning and cached where the provider reported them. */
export function usageParts(usage: Usage): string[] {
  const parts = [`${usage.promptTokens.toLocaleString()} prompt`, `${usage.completionTokens.toLocaleString()} completion`];
  if (usage.reasoningTokens) parts.push(`${usage.reasoningTokens.toLocaleString()} reasoning`);
  if (usage.cachedTokens) parts.push(`${usage.cachedTokens.toLocaleString()} cached`);
  return parts;
}

export function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** 950, 1.2k, 34k, 1.2M: short enough for a badge. */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0).replace(/\.0$/, '')}k`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}

/** A compact token count; the breakdown on hover and focus. Nothing when nothing was counted. */
export function UsageBadge({ usage, extra, label }: { usage: Usage | undefined; extra?: string[]; label: string }) {
  if (!usage || usage.totalTokens === 0) return null;
  const details = [...usageParts(usage), ...(extra ?? [])];
  return (
    <Tooltip
      className="usage-badge"
      label={`${label}: ${compactCount(usage.totalTokens)} tokens`}
      details={
        <>
          <strong>{usage.totalTokens.toLocaleString()} tokens</strong>
          <br />
          {details.join(' · ')}
        </>
      }
    >
      {compactCount(usage.totalTokens)} tokens
    </Tooltip>
  );
}

/** What a finished reply cost and how long it took to start, as one badge. */
export function UsageLine({ usage, timeToFirstTokenMs }: { usage: Usage | undefined; timeToFirstTokenMs: number | undefined }) {
  const extra = timeToFirstTokenMs === undefined ? [] : [`first token after ${formatSeconds(timeToFirstTokenMs)}`];
  return <UsageBadge usage={usage} extra={extra} label="Reply usage" />;
}
