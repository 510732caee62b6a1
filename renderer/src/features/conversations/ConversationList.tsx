import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { Virtualizer, type CustomContainerComponentProps, type CustomItemComponentProps, type VirtualizerHandle } from 'virtua';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import { focusWhenRendered } from '../../ui/focusWhenRendered.ts';
import { ConversationRow } from './ConversationRow.tsx';
import type { ConversationActions } from './ConversationMenu.tsx';
import { sidebarEntries, type SidebarEntry } from './dateGroups.ts';

interface Props extends ConversationActions {
  conversations: ConversationSummary[];
  currentId: string | null;
  onSelect: (id: string) => void;
  /** The scrolling element around the list (the sidebar's navigation). */
  scrollRef: RefObject<HTMLElement | null>;
}

/** Which rows are date headings. */
const HeadingRows = createContext<ReadonlySet<number>>(new Set());

function Row({ style, index, children, ref }: CustomItemComponentProps) {
  const headings = useContext(HeadingRows);
  const heading = headings.has(index);
  return (
    // A heading's row is left out of the accessibility tree, so the list holds only conversations
    // (a list's items must all be items); the date shows on screen above its rows.
    <li ref={ref} style={style} aria-hidden={heading || undefined} className={heading ? 'sidebar__group-row' : 'sidebar__row'}>
      {children}
    </li>
  );
}

function List({ style, children, ref }: CustomContainerComponentProps) {
  return (
    <ul ref={ref} style={style} className="sidebar__list">
      {children}
    </ul>
  );
}

function buttonOf(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.sidebar__item[data-conversation-id="${CSS.escape(id)}"]`);
}

/**
 * The conversations, virtual (only the rows on screen are in the page), pinned first and then under
 * date headings. Up and Down move between conversations (Home, End: first, last), scrolling as needed.
 */
export function ConversationList({ conversations, currentId, onSelect, onDelete, onExport, scrollRef }: Props) {
  const list = useRef<VirtualizerHandle>(null);
  // The moment the groups are cut on, moved on each minute (a sidebar left open overnight regroups).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const entries = useMemo(() => sidebarEntries(conversations, now), [conversations, now]);
  const headings = useMemo(() => new Set(entries.flatMap((entry, i) => (entry.kind === 'heading' ? [i] : []))), [entries]);
  const [focused, setFocused] = useState<number | null>(null);

  const indexOf = useCallback((id: string) => entries.findIndex((e) => e.kind === 'conversation' && e.conversation.id === id), [entries]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const button = event.target instanceof HTMLElement && event.target.matches('.sidebar__item') ? event.target : null;
      const id = button?.dataset['conversationId'];
      if (!id || event.altKey || event.ctrlKey || event.metaKey) return;
      const rows = entries.flatMap((entry, i) => (entry.kind === 'conversation' ? [i] : []));
      const at = rows.indexOf(indexOf(id));
      const target =
        event.key === 'ArrowDown' ? rows[at + 1] : event.key === 'ArrowUp' ? rows[at - 1] : event.key === 'Home' ? rows[0] : event.key === 'End' ? rows.at(-1) : undefined;
      const entry = target === undefined ? undefined : entries[target];
      if (target === undefined || entry?.kind !== 'conversation') return;
      event.preventDefault();
      list.current?.scrollToIndex(target, { align: 'nearest' });
      // Usually rendered already (the list renders a margin around the view): focused at once, so
      // quick key repeats each move one row.
      focusWhenRendered(() => buttonOf(entry.conversation.id));
    },
    [entries, indexOf],
  );

  // The focused row stays mounted while it scrolls away, so focus is never dropped to the page.
  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      const id = event.target.closest<HTMLElement>('.sidebar__row')?.querySelector<HTMLElement>('[data-conversation-id]')?.dataset['conversationId'];
      const index = id ? indexOf(id) : -1;
      setFocused(index >= 0 ? index : null);
    },
    [indexOf],
  );

  return (
    <HeadingRows value={headings}>
      <div onKeyDown={onKeyDown} onFocus={onFocus}>
        <Virtualizer
          ref={list}
          data={entries}
          scrollRef={scrollRef}
          as={List}
          item={Row}
          bufferSize={400}
          keepMounted={focused !== null && focused < entries.length ? [focused] : undefined}
        >
          {(entry: SidebarEntry) =>
            entry.kind === 'heading' ? (
              <h3 key={entry.key} className="sidebar__group">
                {entry.label}
              </h3>
            ) : (
              <ConversationRow
                key={entry.key}
                conversation={entry.conversation}
                current={entry.conversation.id === currentId}
                onSelect={onSelect}
                onDelete={onDelete}
                onExport={onExport}
              />
            )
          }
        </Virtualizer>
      </div>
    </HeadingRows>
  );
}
