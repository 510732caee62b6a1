import type { ConversationSummary } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { ToastHost } from '../../ui/ToastHost.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { SearchResults } from '../search/SearchResults.tsx';
import { useConversationSearch } from '../search/useConversationSearch.ts';
import { TrashButton } from '../trash/TrashButton.tsx';
import { useConversationDeletion } from '../trash/useConversationDeletion.ts';
import { TransferMenu } from '../transfer/TransferMenu.tsx';
import { SignOutButton } from '../browserSession/SignOutButton.tsx';
import { useTransfer } from '../transfer/useTransfer.ts';
import { useRef } from 'react';
import { ConversationList } from './ConversationList.tsx';
import './sidebar.css';

interface Props {
  conversations: ConversationSummary[];
  error: AppError | null;
  currentId: string | null;
  /** null: a new chat (the open conversation went to the trash). */
  onSelect: (id: string | null) => void;
  onNewChat: () => void;
  onOpenSettings: () => void;
}

export function ConversationSidebar({ conversations, error, currentId, onSelect, onNewChat, onOpenSettings }: Props) {
  const search = useConversationSearch(onSelect);
  const onDelete = useConversationDeletion(onSelect);
  const { exportConversations: onExport } = useTransfer();
  const navRef = useRef<HTMLElement>(null);
  return (
    <aside className="sidebar">
      <div className="sidebar__top">
        <span className="sidebar__brand" aria-hidden="true">
          Parley
        </span>
        <button type="button" className="button button--primary sidebar__new" onClick={onNewChat}>
          New chat
        </button>
      </div>
      <SearchBox search={search} />
      <nav className="sidebar__nav" aria-label="Conversations" ref={navRef}>
        {/* While there is a query, its results take the list's place. */}
        {search.active && <SearchResults search={search} />}
        {!search.active && error && (
          <p className="sidebar__error" role="alert">
            Could not load conversations: {error.message}
          </p>
        )}
        {search.active ? null : conversations.length === 0 && !error ? (
          <p className="sidebar__empty">No conversations yet.</p>
        ) : (
          <ConversationList
            conversations={conversations}
            currentId={currentId}
            onSelect={onSelect}
            onDelete={onDelete}
            onExport={onExport}
            scrollRef={navRef}
          />
        )}
      </nav>
      <ToastHost />
      <div className="sidebar__bottom">
        <TrashButton />
        <TransferMenu />
        <button type="button" className="button button--quiet sidebar__settings" onClick={onOpenSettings}>
          Settings
        </button>
        <SignOutButton />
      </div>
    </aside>
  );
}
