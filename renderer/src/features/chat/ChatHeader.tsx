import { useEffect, useState } from 'react';
import type { Conversation } from '../../../../shared/domain.ts';
import { GearIcon } from '../../ui/icons.tsx';
import { focusComposer } from '../composer/focusComposer.ts';
import { ConversationSettingsDialog } from '../conversationSettings/ConversationSettingsDialog.tsx';
import { ModelPicker } from './ModelPicker.tsx';
import { UsageBadge } from './UsageLine.tsx';
import { useDefaultModel } from './useDefaultModel.ts';

interface Props {
  conversation: Omit<Conversation, 'messages'>;
  /** The conversation as main answered it after its settings changed. */
  onSaved: (conversation: Conversation) => void;
}

/**
 * One line that never wraps: the title first (it shrinks, with an ellipsis), then the model, what
 * the conversation has spent (details on hover and focus) and its own settings behind an icon.
 */
export function ChatHeader({ conversation, onSaved }: Props) {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [closedCount, setClosedCount] = useState(0);
  const defaultModel = useDefaultModel(closedCount);
  // After the commit that removed the dialog (and the browser's own focus restore to the button).
  useEffect(() => {
    if (closedCount > 0) focusComposer();
  }, [closedCount]);
  const overridden = Object.values(conversation.settings ?? {}).some((value) => value !== undefined);
  const title = conversation.title || 'New chat';
  return (
    <header className="chat__header">
      <h2 className="chat__title" title={title}>
        {title}
      </h2>
      <ModelPicker conversation={conversation} defaultModel={defaultModel} onSaved={onSaved} />
      <UsageBadge usage={conversation.totals} label="Conversation totals" />
      <button
        type="button"
        className="icon-button chat__settings"
        aria-label="Conversation settings"
        title="Conversation settings"
        onClick={() => setSettingsOpen(true)}
        data-overridden={overridden || undefined}
      >
        <GearIcon />
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
