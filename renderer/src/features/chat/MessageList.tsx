import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import { useStickToBottom } from 'use-stick-to-bottom';
import { Virtualizer, type VirtualizerHandle } from 'virtua';
import type { Message } from '../../../../shared/domain.ts';
import { REVEAL_EVENT } from '../search/revealMessage.ts';
import { MessageItem } from './MessageItem.tsx';
import type { MessageCommands } from './useMessageCommands.ts';
import { focusMessage, useListKeyboard } from './useListKeyboard.ts';
import { useRevealTarget } from './useRevealTarget.ts';

// The list is virtual: only the messages on screen (plus a margin) are in the page, each measured as
// it renders. virtua, because it keeps the view still when older pages go in at the top (`shift`)
// and when messages above the view change height, measures with ResizeObserver, and lets the scroll
// container be ours, so use-stick-to-bottom can follow the reply in it. (@virtuoso.dev/message-list
// is made for chat too, but needs a commercial licence key; @tanstack/react-virtual leaves prepending
// without a jump to hand-written offset fixes.)

interface Props {
  conversationId: string | null;
  messages: Message[];
  streaming: boolean;
  /** Messages on the selected branch in all (the loaded ones are its end); default: those given. */
  total?: number;
  hasOlder?: boolean;
  /** The last change put older messages in front: keep the view where it is, counted from the end. */
  prepended?: boolean;
  loadOlder?: (limit?: number) => Promise<boolean>;
  /** Goes up each time the user sends: the view goes down to their message. */
  sentCount?: number;
  onContinue?: (message: Message) => void;
  commands?: MessageCommands;
  editingId?: string | null;
}

/** Replies cut off part-way that can be taken up again (only the last message of a conversation; one
 *  with no text yet has nothing to go on from: asking again is Regenerate's job). */
const CONTINUABLE: ReadonlySet<Message['status']> = new Set(['stopped', 'interrupted', 'error']);
/** Load the page before when the reader is this close to the top of what is loaded. */
const LOAD_OLDER_PX = 1_200;
const FOUND_MS = 2_400;
const noOlder = () => Promise.resolve(false);

export function MessageList(props: Props) {
  const { conversationId, messages, streaming, onContinue, commands, editingId = null } = props;
  const { total = messages.length, hasOlder = false, prepended = false, loadOlder = noOlder, sentCount = 0 } = props;
  // Follows the reply while the reader is at the bottom, through late layout too (highlighting,
  // math, images); only a gesture upward (wheel, touch, keys, scrollbar) lets go.
  const { scrollRef, contentRef, isAtBottom, scrollToBottom, stopScroll } = useStickToBottom({ initial: 'instant', resize: 'instant' });
  const list = useRef<VirtualizerHandle>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const onKeyDown = useListKeyboard(messages, useCallback(() => list.current, []));
  const { target, done } = useRevealTarget(conversationId, loadOlder);

  const last = messages.at(-1);
  const continuable =
    !streaming && last?.role === 'assistant' && CONTINUABLE.has(last.status) && last.content.trim() ? last.id : undefined;
  const offset = Math.max(0, total - messages.length);

  // Sending always brings the view down to the new message, wherever the reader was.
  useEffect(() => {
    if (sentCount > 0) void scrollToBottom('instant');
  }, [sentCount, scrollToBottom]);

  // Search's jump: detach, put the message in the middle, focus and highlight it.
  useEffect(() => {
    if (!target) return;
    const index = messages.findIndex((m) => m.id === target.messageId);
    done();
    if (index < 0) return;
    stopScroll();
    list.current?.scrollToIndex(index, { align: 'center' });
    focusMessage(target.messageId, (element) => {
      list.current?.scrollToIndex(index, { align: 'center' });
      element.classList.remove('message--found');
      void element.offsetWidth; // restart the highlight if the same message is found twice in a row
      element.classList.add('message--found');
      setTimeout(() => element.classList.remove('message--found'), FOUND_MS);
    });
  }, [target, messages, done, stopScroll]);

  // The search side may still scroll an element into view itself: stop following then too.
  useEffect(() => {
    const scroller = scrollRef.current;
    scroller?.addEventListener(REVEAL_EVENT, stopScroll);
    return () => scroller?.removeEventListener(REVEAL_EVENT, stopScroll);
  }, [scrollRef, stopScroll]);

  const onScroll = useCallback(
    (top: number) => {
      if (hasOlder && top < LOAD_OLDER_PX) void loadOlder();
    },
    [hasOlder, loadOlder],
  );

  // The focused message stays mounted while it scrolls away, so focus is never dropped to the page.
  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const article = event.target.closest('article.message');
      const index = article ? messages.findIndex((m) => article.id.endsWith(m.id)) : -1;
      setFocused(index >= 0 ? index : null);
    },
    [messages],
  );

  return (
    <div className="messages-frame">
      <div className="messages" ref={scrollRef}>
        {/* aria-busy while streaming: screen readers announce the finished reply, not every token. */}
        <div
          ref={contentRef}
          className="messages__inner"
          role="log"
          aria-label="Messages"
          aria-busy={streaming}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          <Virtualizer
            ref={list}
            data={messages}
            scrollRef={scrollRef}
            shift={prepended}
            bufferSize={800}
            onScroll={onScroll}
            keepMounted={focused !== null && focused < messages.length ? [focused] : undefined}
          >
            {(message, index) => (
              <div key={message.id} className="messages__row">
                <MessageItem
                  message={message}
                  position={offset + index + 1}
                  setSize={Math.max(total, messages.length)}
                  onContinue={message.id === continuable ? onContinue : undefined}
                  commands={commands}
                  busy={streaming}
                  editing={message.id === editingId}
                />
              </div>
            )}
          </Virtualizer>
        </div>
      </div>
      {!isAtBottom && (
        <button type="button" className="button messages__jump" onClick={() => void scrollToBottom('smooth')}>
          Jump to latest
        </button>
      )}
    </div>
  );
}
