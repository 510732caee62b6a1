import { useCallback, useEffect, useRef, useState } from 'react';
import { NEW_CONVERSATION_DRAFT } from '../../../../shared/contract/drafts.ts';
import type { ImageAttachment, Message } from '../../../../shared/domain.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { isDialogOpen, useWindowKeydown } from '../../app/keyboard.ts';
import { useServices } from '../../app/services.tsx';
import { Composer } from '../composer/Composer.tsx';
import { focusComposer } from '../composer/focusComposer.ts';
import type { OpenSettings } from '../settings/settingsTarget.ts';
import { warmUpRenderer } from '../markdown/warmUp.ts';
import { ChatHeader } from './ChatHeader.tsx';
import { MessageList } from './MessageList.tsx';
import { useConversation } from './useConversation.ts';
import { useMessageCommands } from './useMessageCommands.ts';
import { useStreamId } from './useStreamId.ts';
import './chat.css';

interface Props {
  conversationId: string | null;
  /** A first message in a new chat created a conversation. */
  onConversationCreated: (id: string) => void;
  /** "Open Settings" on a reply the provider refused for its token. */
  onOpenSettings: OpenSettings;
}

export function ChatView({ conversationId, onConversationCreated, onOpenSettings }: Props) {
  const { api, streams } = useServices();
  const conversation = useConversation(conversationId);
  const { adopt, replace } = conversation;
  const [sentCount, setSentCount] = useState(0);
  const [continueError, setContinueError] = useState<{ conversationId: string; error: AppError } | null>(null);
  const continuing = useRef(false);
  const streamingMessage = conversation.messages.find((m) => m.status === 'streaming');
  const streamId = useStreamId(streamingMessage?.id);
  const { commands, editingId, error: actionError } = useMessageCommands(conversation, onOpenSettings);
  const messages = conversation.messages;

  // Once the window is idle after its first paint: what the first reply will need.
  useEffect(() => {
    const idle = requestIdleCallback(warmUpRenderer, { timeout: 3_000 });
    return () => cancelIdleCallback(idle);
  }, []);

  // Up in an empty composer edits the last thing the user said (not while a reply streams).
  const editLast = useCallback((): boolean => {
    const last = messages.findLast((m) => m.role === 'user');
    if (!last || streamingMessage) return false;
    commands.startEdit(last);
    return true;
  }, [messages, streamingMessage, commands]);

  const send = useCallback(
    async (text: string, images: ImageAttachment[]): Promise<AppError | null> => {
      const result = await api.chat.send({ conversationId: conversationId ?? undefined, text, images });
      if (!result.ok) return result.error;
      const { value } = result;
      streams.register(value.assistantMessage.id, value.streamId);
      adopt(value.conversationId, [value.userMessage, value.assistantMessage]);
      setSentCount((n) => n + 1);
      if (value.conversationId !== conversationId) onConversationCreated(value.conversationId);
      return null;
    },
    [api, streams, adopt, conversationId, onConversationCreated],
  );

  // The reply streams on into the same message: seed its buffer with the text so far before any
  // delta (which carries only new text) can arrive, then show it as streaming again.
  const continueReply = useCallback(
    async (message: Message) => {
      if (continuing.current) return;
      continuing.current = true;
      setContinueError(null);
      streams.seed(message.id, message.content);
      const result = await api.chat.continue({ messageId: message.id });
      continuing.current = false;
      if (!result.ok) {
        setContinueError({ conversationId: message.conversationId, error: result.error });
        return;
      }
      streams.register(result.value.assistantMessage.id, result.value.streamId);
      replace(message, result.value.assistantMessage);
    },
    [api, streams, replace],
  );

  const stop = useCallback(() => {
    if (streamId) void api.chat.cancel({ streamId });
  }, [api, streamId]);

  // Esc stops the reply, unless it is closing a dialog or cancelling an IME composition.
  useWindowKeydown((event) => {
    if (event.key !== 'Escape' || !streamId || event.isComposing || event.defaultPrevented || isDialogOpen()) return;
    event.preventDefault();
    stop();
    focusComposer();
  });

  return (
    <section className="chat" aria-label="Chat">
      {conversation.meta && conversation.meta.id === conversationId && (
        <ChatHeader conversation={conversation.meta} onSaved={conversation.show} />
      )}
      {conversation.error && (
        <p className="chat__error" role="alert">
          Could not open this conversation: {conversation.error.message}
        </p>
      )}
      {continueError && continueError.conversationId === conversationId && (
        <p className="chat__error" role="alert">
          Could not continue the reply: {continueError.error.message}
        </p>
      )}
      {actionError && (
        <p className="chat__error" role="alert">
          {actionError.message}
        </p>
      )}
      {conversation.messages.length === 0 && !conversation.loading ? (
        <div className="chat__empty">
          <h1 className="chat__empty-title">What would you like to talk about?</h1>
        </div>
      ) : (
        <MessageList
          // A fresh list (and view at the bottom) per conversation.
          key={conversation.id ?? 'new'}
          conversationId={conversation.id}
          messages={conversation.messages}
          streaming={!!streamingMessage}
          total={conversation.meta?.messageCount ?? conversation.messages.length}
          hasOlder={conversation.hasOlder}
          prepended={conversation.change === 'prepend'}
          loadOlder={conversation.loadOlder}
          sentCount={sentCount}
          onContinue={continueReply}
          commands={commands}
          editingId={editingId}
        />
      )}
      <Composer
        onSend={send}
        onStop={stop}
        streaming={!!streamingMessage}
        canStop={!!streamId}
        draftKey={conversationId ?? NEW_CONVERSATION_DRAFT}
        onEditLast={editLast}
      />
    </section>
  );
}
