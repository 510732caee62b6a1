import { useEffect, useState } from 'react';
import type { Conversation } from '../../../../shared/domain.ts';
import { focusComposer } from '../composer/focusComposer.ts';
import { ConversationSettingsDialog } from '../conversationSettings/ConversationSettingsDialog.tsx';
import { usageParts } from './UsageLine.tsx';

interface Props {
  conversation: Omit<Conversation, 'messages'>;
  /** The conversation as main answered it after its settings changed. */
  onSaved: (conversation: Conversation) => void;
}

/** The open conversation's title, what it has spent so far, and its own settings. */
export function ChatHeader({ conversation, onSaved }: Props) {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [closedCount, setClosedCount] = useState(0);
  // After the commit that removed the dialog (and the browser's own focus restore to the button).
  useEffect(() => {
    if (closedCount > 0) focusComposer();
  }, [closedCount]);
  const { totals } = conversation;
  const overridden = Object.values(conversation.settings ?? {}).some((value) => value !== undefined);
  return (
    <header className="chat__header">
      <h2 className="chat__title">{conversation.title || 'New chat'}</h2>
      {totals && (
        <p className="chat__totals" aria-label="Conversation totals">
          Total: {totals.totalTokens.toLocaleString()} tokens ({usageParts(totals).join(' · ')})
        </p>
      )}
      <button
        type="button"
        className="button button--quiet chat__settings"
        onClick={() => setSettingsOpen(true)}
        data-overridden={overridden || undefined}
      >
        Conversation settings
      </button>
      {settingsOpen && (
        <ConversationSettingsDialog
          conversation={conversation}
          onClose={(saved) => {
            setSettingsOpen(false);
            setClosedCount((n) => n + 1);
            if (saved) onSaved(saved);
          }}
        />
      )}
    </header>
  );
}
