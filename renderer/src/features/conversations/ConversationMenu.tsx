import { useRef } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import { MenuButton, MoreIcon } from '../../ui/MenuButton.tsx';
import type { DeleteConversation } from '../trash/useConversationDeletion.ts';
import type { ExportFormat } from '../transfer/useTransfer.ts';
import './conversationMenu.css';

export interface ConversationActions {
  onDelete: DeleteConversation;
  onExport: (format: ExportFormat, ids: string[]) => void;
}

interface Props extends ConversationActions {
  conversation: ConversationSummary;
  current: boolean;
  onRename: () => void;
  onTogglePin: () => void;
}

/** The "more" menu beside a conversation in the sidebar (shown on hover or focus): rename, pin, export, delete. */
export function ConversationMenu({ conversation, current, onDelete, onExport, onRename, onTogglePin }: Props) {
  const anchor = useRef<HTMLSpanElement>(null);

  const remove = () => {
    // The row is about to go: focus moves to its neighbour (or to New chat), not to nowhere.
    const row = anchor.current?.closest('li');
    const next = row?.nextElementSibling ?? row?.previousElementSibling;
    const target = next?.querySelector<HTMLElement>('.sidebar__item') ?? document.querySelector<HTMLElement>('.sidebar__new');
    target?.focus();
    onDelete(conversation, current);
  };

  return (
    <span ref={anchor} className="conversation-menu">
      <MenuButton
        label="Conversation actions"
        className="conversation-menu__button"
        actions={[
          { label: 'Rename', onSelect: onRename },
          { label: conversation.pinned ? 'Unpin' : 'Pin', onSelect: onTogglePin },
          { label: 'Export as Markdown', onSelect: () => onExport('markdown', [conversation.id]) },
          { label: 'Export as JSON', onSelect: () => onExport('json', [conversation.id]) },
          { label: 'Delete', onSelect: remove, danger: true },
        ]}
      >
        <MoreIcon />
      </MenuButton>
    </span>
  );
}
