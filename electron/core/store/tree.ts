import type { Row } from './rows.ts';

// Messages form a tree per conversation. These functions work on a conversation's rows read at once
// (ordered by seq, so siblings come oldest first) and never touch the database.

export interface PathEntry {
  row: Row;
  /** The ids of this message and its siblings, oldest first. */
  siblingIds: string[];
}

function id(row: Row): string {
  return String(row['id']);
}

function parentOf(row: Row): string | null {
  const parent = row['parent_id'];
  return typeof parent === 'string' ? parent : null;
}

function selectedChildOf(row: Row): string | null {
  const child = row['selected_child_id'];
  return typeof child === 'string' ? child : null;
}

/** Children by parent id (null: first messages), oldest first. */
export function childrenByParent(rows: readonly Row[]): Map<string | null, Row[]> {
  const byParent = new Map<string | null, Row[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    const list = byParent.get(parent);
    if (list) list.push(row);
    else byParent.set(parent, [row]);
  }
  return byParent;
}

/** The path on screen: from the selected first message, down each message's selected child. A
 *  selection that points nowhere (never set, or damaged) falls back to the newest sibling. */
export function selectedPath(rows: readonly Row[], selectedRootId: string | null): PathEntry[] {
  const children = childrenByParent(rows);
  const path: PathEntry[] = [];
  const seen = new Set<string>();
  let siblings = children.get(null) ?? [];
  let wanted = selectedRootId;
  while (siblings.length > 0) {
    const row = siblings.find((r) => id(r) === wanted) ?? siblings[siblings.length - 1]!;
    if (seen.has(id(row))) break; // a loop in damaged data
    seen.add(id(row));
    path.push({ row, siblingIds: siblings.map(id) });
    wanted = selectedChildOf(row);
    siblings = children.get(id(row)) ?? [];
  }
  return path;
}

/** The messages from the first one down to `messageId`, oldest first; empty when it is not there. */
export function pathTo(rows: readonly Row[], messageId: string): Row[] {
  const byId = new Map(rows.map((row) => [id(row), row]));
  const path: Row[] = [];
  const seen = new Set<string>();
  for (let row = byId.get(messageId); row && !seen.has(id(row)); ) {
    seen.add(id(row));
    path.push(row);
    const parent = parentOf(row);
    row = parent === null ? undefined : byId.get(parent);
  }
  return path.reverse();
}
