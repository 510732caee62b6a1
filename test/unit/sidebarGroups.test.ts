import { describe, expect, it } from 'vitest';
import { groupLabel, sidebarEntries } from '../../renderer/src/features/conversations/dateGroups.ts';
import type { ConversationSummary } from '../../shared/domain.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date(2026, 11, 1, 15, 0).getTime();
const row = (id: string, updatedAt: number, pinned = false): ConversationSummary => ({ id, title: id, createdAt: updatedAt, updatedAt, pinned });

describe('sidebar date groups', () => {
  it('names the groups by local calendar day, then by month', () => {
    expect(groupLabel(new Date(2026, 11, 1, 0, 5).getTime(), now)).toBe('Today');
    expect(groupLabel(new Date(2026, 10, 30, 23, 59).getTime(), now)).toBe('Yesterday');
    expect(groupLabel(now - 5 * DAY, now)).toBe('Previous 7 days');
    expect(groupLabel(now - 20 * DAY, now)).toBe('Previous 30 days');
    expect(groupLabel(new Date(2026, 8, 14).getTime(), now)).toBe('September 2026');
    expect(groupLabel(new Date(2025, 11, 31).getTime(), now)).toBe('December 2025');
  });

  it('puts pinned conversations first, then the rest newest first under one heading per group', () => {
    const entries = sidebarEntries([row('old', now - 40 * DAY), row('pin', now - 90 * DAY, true), row('today', now - 1_000), row('today2', now - 2_000)], now);
    expect(entries.map((e) => (e.kind === 'heading' ? `# ${e.label}` : e.conversation.id))).toEqual([
      '# Pinned',
      'pin',
      '# Today',
      'today',
      'today2',
      '# October 2026',
      'old',
    ]);
  });

  it('has no Pinned heading without pinned conversations', () => {
    expect(sidebarEntries([row('a', now)], now).map((e) => e.key)).toEqual(['h:Today', 'a']);
  });
});
