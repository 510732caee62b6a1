/** How long a deleted conversation stays in the trash (main's TRASH_RETENTION_MS). */
export const TRASH_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function purgeDate(deletedAt: number): number {
  return deletedAt + TRASH_RETENTION_DAYS * DAY_MS;
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** When it went to the trash, and when it goes for good: "in 29 days (Feb 2, 2026)". */
export function trashDates(deletedAt: number, now = Date.now()): { deleted: string; purged: string } {
  const purgeAt = purgeDate(deletedAt);
  const days = Math.max(0, Math.ceil((purgeAt - now) / DAY_MS));
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return { deleted: `Deleted ${formatDate(deletedAt)}`, purged: `Deleted for good ${when} (${formatDate(purgeAt)})` };
}
