import { useCallback, useMemo, useState } from 'react';
import type { ChatSendResultSchema } from '../../../../shared/contract/chat.ts';
import type { Message } from '../../../../shared/domain.ts';
import type { AppError, Result } from '../../../../shared/errors.ts';
import type { z } from 'zod';
import { useServices } from '../../app/services.tsx';
import { focusComposer } from '../composer/focusComposer.ts';
import type { OpenSettings } from '../settings/settingsTarget.ts';
import type { ConversationView } from './useConversation.ts';

type SendResult = z.infer<typeof ChatSendResultSchema>;

/** What a message's buttons can do; one stable object, so memoized messages do not re-render. */
export interface MessageCommands {
  regenerate: (message: Message) => void;
  startEdit: (message: Message) => void;
  saveEdit: (message: Message, text: string) => void;
  cancelEdit: () => void;
  selectVersion: (messageId: string) => void;
  openSettings: OpenSettings;
}

export interface MessageCommandState {
  commands: MessageCommands;
  /** The user message being edited in place. */
  editingId: string | null;
  /** The last action that failed, shown above the composer. */
  error: AppError | null;
}

/** Regenerate, edit and version switching: each asks main, then shows the path main now has. */
export function useMessageCommands(conversation: ConversationView, openSettings: OpenSettings): MessageCommandState {
  const { api, streams } = useServices();
  const { reload, show } = conversation;
  const [editingId, setEditingId] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const started = useCallback(
    (result: Result<SendResult>) => {
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      streams.register(result.value.assistantMessage.id, result.value.streamId);
      reload();
    },
    [streams, reload],
  );

  const regenerate = useCallback(
    (message: Message) => {
      void api.chat.regenerate({ messageId: message.id }).then(started);
      focusComposer();
    },
    [api, started],
  );

  const startEdit = useCallback((message: Message) => setEditingId(message.id), []);
  const cancelEdit = useCallback(() => {
    setEditingId(null);
    focusComposer();
  }, []);

  const saveEdit = useCallback(
    (message: Message, text: string) => {
      setEditingId(null);
      void api.chat.edit({ messageId: message.id, text }).then(started);
      focusComposer();
    },
    [api, started],
  );

  const selectVersion = useCallback(
    (messageId: string) => {
      void api.conversations.selectBranch({ messageId }).then((result) => {
        if (result.ok) show(result.value);
        setError(result.ok ? null : result.error);
      });
      focusComposer();
    },
    [api, show],
  );

  const commands = useMemo(
    () => ({ regenerate, startEdit, saveEdit, cancelEdit, selectVersion, openSettings }),
    [regenerate, startEdit, saveEdit, cancelEdit, selectVersion, openSettings],
  );
  return { commands, editingId, error };
}
