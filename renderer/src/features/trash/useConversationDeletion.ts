import { useCallback } from 'react';
import type { ConversationSummary } from '../../../../shared/domain.ts';
import { useApi } from '../../app/services.tsx';
import { focusComposer } from '../composer/focusComposer.ts';
import { showToast } from '../../ui/toastStore.ts';

export type DeleteConversation = (conversation: ConversationSummary, isCurrent: boolean) => void;

function titleOf(conversation: ConversationSummary): string {
  return conversation.title || 'New chat';
}

/**
 * Moving a conversation to the trash, with an Undo toast. The open conversation closes (a new chat
 * shows) and comes back if the user undoes.
 */
export function useConversationDeletion(onSelect: (id: string | null) => void): DeleteConversation {
  const api = useApi();
  return useCallback(
    (conversation, isCurrent) => {
      void api.conversations.delete({ id: conversation.id }).then((result) => {
        if (!result.ok) {
          showToast({ level: 'error', message: `Could not delete “${titleOf(conversation)}”: ${result.error.message}` });
          return;
        }
        if (isCurrent) onSelect(null);
        const undo = () => {
          void api.conversations.restore({ id: conversation.id }).then((restored) => {
            if (!restored.ok) {
              showToast({ level: 'error', message: `Could not restore “${titleOf(conversation)}”: ${restored.error.message}` });
              return;
            }
            if (isCurrent) onSelect(conversation.id);
            // The Undo button is gone: carry on where the user types.
            focusComposer();
          });
        };
        showToast({ level: 'info', message: `“${titleOf(conversation)}” moved to the trash.`, action: { label: 'Undo', run: undo } });
      });
    },
    [api, onSelect],
  );
}
