import type { ConversationSummary } from '../../../../shared/domain.ts';

export type SidebarEntry =
  | { kind: 'heading'; key: string; label: string }
  | { kind: 'conversation'; key: string; conversation: ConversationSummary };

const DAY_MS = 24 * 60 * 60 * 1000;
const monthFormat = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' });

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** The group a conversation last active at `time` falls in, seen from `now` (local calendar days). */
export function groupLabel(time: number, now: number): string {
  const today = startOfDay(now);
  if (time >= today) return 'Today';
  if (time >= today - DAY_MS) return 'Yesterday';
  if (time >= today - 7 * DAY_MS) return 'Previous 7 days';
  if (time >= today - 30 * DAY_MS) return 'Previous 30 days';
  return monthFormat.format(time);
}

/**
 * The sidebar's rows: pinned conversations first, then the rest by last activity under date headings
 * (Today, Yesterday, Previous 7 days, Previous 30 days, then one per month).
 */
export function sidebarEntries(conversations: ConversationSummary[], now: number): SidebarEntry[] {
  const pinned = conversations.filter((c) => c.pinned === true);
  const rest = conversations.filter((c) => c.pinned !== true).sort((a, b) => b.updatedAt - a.updatedAt);
  const entries: SidebarEntry[] = [];
  if (pinned.length > 0) entries.push({ kind: 'heading', key: 'h:Pinned', label: 'Pinned' });
  for (const conversation of pinned) entries.push({ kind: 'conversation', key: conversation.id, conversation });
  let label: string | undefined;
  for (const conversation of rest) {
    const next = groupLabel(conversation.updatedAt, now);
    if (next !== label) entries.push({ kind: 'heading', key: `h:${next}`, label: next });
    label = next;
    entries.push({ kind: 'conversation', key: conversation.id, conversation });
  }
  return entries;
}
