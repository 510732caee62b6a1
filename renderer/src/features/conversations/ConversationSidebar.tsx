import { memo } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { ToastHost } from '../../ui/ToastHost.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { SearchResults } from '../search/SearchResults.tsx';
import { useConversationSearch } from '../search/useConversationSearch.ts';
import { TrashButton } from '../trash/TrashButton.tsx';
import { useConversationDeletion } from '../trash/useConversationDeletion.ts';
import { TransferMenu } from '../transfer/TransferMenu.tsx';
import { useTransfer } from '../transfer/useTransfer.ts';
import { ConversationMenu, type ConversationActions } from './ConversationMenu.tsx';
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
      <nav className="sidebar__nav" aria-label="Conversations">
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
          <ul className="sidebar__list">
            {conversations.map((conversation) => (
              <ConversationLink
                key={conversation.id}
                conversation={conversation}
                current={conversation.id === currentId}
                onSelect={onSelect}
                onDelete={onDelete}
                onExport={onExport}
              />
            ))}
          </ul>
        )}
      </nav>
      <ToastHost />
      <div className="sidebar__bottom">
        <TrashButton />
        <TransferMenu />
        <button type="button" className="button button--quiet sidebar__settings" onClick={onOpenSettings}>
          Settings
        </button>
      </div>
    </aside>
  );
}

const ConversationLink = memo(function ConversationLink({
  conversation,
  current,
  onSelect,
  onDelete,
  onExport,
}: {
  conversation: ConversationSummary;
  current: boolean;
  onSelect: (id: string) => void;
} & ConversationActions) {
  const title = conversation.title || 'New chat';
  const quick = conversation.source === 'quick';
  return (
    <li className="sidebar__row">
      <button
        type="button"
        className={quick ? 'sidebar__item sidebar__item--quick' : 'sidebar__item'}
        aria-current={current ? 'page' : undefined}
        title={quick ? `${title} (from the quick prompt)` : title}
        onClick={() => onSelect(conversation.id)}
      >
        {quick ? (
          <>
            <span className="sidebar__title">{title}</span>{' '}
            {/* Heard as "Quick prompt": the visible word, then what it means. */}
            <span className="sidebar__badge">
              Quick<span className="sidebar__badge-more"> prompt</span>
            </span>
          </>
        ) : (
          title
        )}
      </button>
      <ConversationMenu conversation={conversation} current={current} onDelete={onDelete} onExport={onExport} />
    </li>
  );
});
