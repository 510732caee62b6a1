import { memo, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import { useApi } from '../../app/services.tsx';
import { ConversationMenu, type ConversationActions } from './ConversationMenu.tsx';
import { RenameField } from './RenameField.tsx';

interface Props extends ConversationActions {
  conversation: ConversationSummary;
  current: boolean;
  onSelect: (id: string) => void;
}

/** A conversation in the sidebar: its title (or the rename field), badges, and its menu. */
export const ConversationRow = memo(function ConversationRow({ conversation, current, onSelect, onDelete, onExport }: Props) {
  const api = useApi();
  const [renaming, setRenaming] = useState(false);
  const title = conversation.title || 'New chat';
  const quick = conversation.source === 'quick';
  const pinned = conversation.pinned === true;
  const badged = quick || pinned;
  const describe = [title, pinned ? '(pinned)' : '', quick ? '(from the quick prompt)' : ''].filter(Boolean).join(' ');
  return (
    // Its <li> is the virtual list's row (see ConversationList).
    <div className="sidebar__row-inner">
      {renaming ? (
        <RenameField conversation={conversation} onDone={() => setRenaming(false)} />
      ) : (
        <button
          type="button"
          className={badged ? 'sidebar__item sidebar__item--badged' : 'sidebar__item'}
          aria-current={current ? 'page' : undefined}
          data-conversation-id={conversation.id}
          title={describe}
          onClick={() => onSelect(conversation.id)}
        >
          {badged ? (
            <>
              {pinned && <PinMark />}
              <span className="sidebar__title">{title}</span>{' '}
              {quick && (
                // Heard as "Quick prompt": the visible word, then what it means.
                <span className="sidebar__badge">
                  Quick<span className="sidebar__badge-more"> prompt</span>
                </span>
              )}
            </>
          ) : (
            title
          )}
        </button>
      )}
      <ConversationMenu
        conversation={conversation}
        current={current}
        onDelete={onDelete}
        onExport={onExport}
        onRename={() => setRenaming(true)}
        onTogglePin={() => void api.conversations.pin({ id: conversation.id, pinned: !pinned })}
      />
    </div>
  );
});

function PinMark() {
  return (
    <span className="sidebar__pin" title="Pinned">
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path d="M6 1.5h4l-.6 4.2 2.6 2.3v1.5H8.7V14L8 15l-.7-1V9.5H4V8l2.6-2.3z" fill="currentColor" />
      </svg>
      <span className="sidebar__badge-more">Pinned: </span>
    </span>
  );
}
