import { useState, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import { useApi } from '../../app/services.tsx';

interface Props {
  conversation: ConversationSummary;
  onDone: () => void;
}

/** The title, editable in place: Enter saves, Esc (or leaving the field) cancels. */
export function RenameField({ conversation, onDone }: Props) {
  const api = useApi();
  const [title, setTitle] = useState(conversation.title);
  const [error, setError] = useState<string | null>(null);

  const finish = (refocus: boolean) => {
    onDone();
    // Back on the renamed row, once it has its button again.
    if (refocus) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(conversation.id)}"]`)?.focus());
  };

  const save = async () => {
    const trimmed = title.trim();
    if (trimmed === conversation.title) return finish(true);
    const result = await api.conversations.rename({ id: conversation.id, title: trimmed });
    if (result.ok) finish(true);
    else setError(result.error.message);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(true);
    }
  };

  return (
    <div className="sidebar__rename">
      <input
        className="field__input sidebar__rename-input"
        aria-label="Conversation title"
        aria-invalid={error ? true : undefined}
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(false)}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
      />
      {error && (
        <p className="sidebar__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
