import type { Message, Usage } from '../../../shared/domain.ts';
import { rowUsage, type Row } from './rows.ts';

/** Adds where a message sits among its versions ("2 / 3") and the ids to switch between them. */
export function withBranchInfo(message: Message, siblingIds: readonly string[]): Message {
  const index = siblingIds.indexOf(message.id);
  if (index < 0) return message;
  return { ...message, siblingIndex: index + 1, siblingCount: siblingIds.length, siblingIds: [...siblingIds] };
}

/** Token counts of every reply in a conversation, hidden branches included: what was spent. */
export function usageTotals(rows: readonly Row[]): Usage {
  const totals: Required<Usage> = { promptTokens: 0, completionTokens: 0, totalTokens: 0, reasoningTokens: 0, cachedTokens: 0 };
  for (const row of rows) {
    const usage = rowUsage(row);
    if (!usage) continue;
    totals.promptTokens += usage.promptTokens;
    totals.completionTokens += usage.completionTokens;
    totals.totalTokens += usage.totalTokens;
    totals.reasoningTokens += usage.reasoningTokens ?? 0;
    totals.cachedTokens += usage.cachedTokens ?? 0;
  }
  return totals;
}
