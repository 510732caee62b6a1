import { memo } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import './sidebar.css';

interface Props {
  conversations: ConversationSummary[];
  error: AppError | null;
  currentId: string | null;
  onSelect: (id: string) => void;
  onNewChat: () => void;
  onOpenSettings: () => void;
}

export function ConversationSidebar({ conversations, error, currentId, onSelect, onNewChat, onOpenSettings }: Props) {
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
      <nav className="sidebar__nav" aria-label="Conversations">
        {error && (
          <p className="sidebar__error" role="alert">
            Could not load conversations: {error.message}
          </p>
        )}
        {conversations.length === 0 && !error ? (
          <p className="sidebar__empty">No conversations yet.</p>
        ) : (
          <ul className="sidebar__list">
            {conversations.map((conversation) => (
              <ConversationLink
                key={conversation.id}
                conversation={conversation}
                current={conversation.id === currentId}
                onSelect={onSelect}
              />
            ))}
          </ul>
        )}
      </nav>
      <div className="sidebar__bottom">
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
}: {
  conversation: ConversationSummary;
  current: boolean;
  onSelect: (id: string) => void;
}) {
  return (
    <li>
      <button
        type="button"
        className="sidebar__item"
        aria-current={current ? 'page' : undefined}
        title={conversation.title || 'New chat'}
        onClick={() => onSelect(conversation.id)}
      >
        {conversation.title || 'New chat'}
      </button>
    </li>
  );
});
