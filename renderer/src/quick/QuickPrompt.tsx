import { useRef, useState } from 'react';
import { isShortcut, useWindowKeydown } from '../app/keyboard.ts';
import { useApi } from '../app/services.tsx';
import { MessageList } from '../features/chat/MessageList.tsx';
import { mainPageHref } from '../features/conversations/openRequest.ts';
import { ConnectionBanner } from '../features/notices/ConnectionBanner.tsx';
import { useTheme } from '../features/theme/useTheme.ts';
import { QuickHeader } from './QuickHeader.tsx';
import { QuickHints } from './QuickHints.tsx';
import { QuickInput } from './QuickInput.tsx';
import { quickErrorMessage } from './quickError.ts';
import { useQuickExchange } from './useQuickExchange.ts';
import { useQuickWindow } from './useQuickWindow.ts';
import '../features/chat/chat.css';
import './quick.css';

/** The quick-prompt window: ask, read the reply as it streams, go on or open it in the main window. */
export function QuickPrompt() {
  const api = useApi();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const exchange = useQuickExchange();
  const { shownCount, canHide } = useQuickWindow(inputRef);
  // The main window may have changed the theme while this one waited hidden.
  useTheme(shownCount);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pinned, setPinned] = useState(false);
  const focusInput = () => requestAnimationFrame(() => inputRef.current?.focus());

  const ask = async () => {
    if (text.trim() === '' || sending || exchange.streaming) return;
    setSending(true);
    setError(null);
    const failure = await exchange.ask(text);
    setSending(false);
    if (failure) setError(quickErrorMessage(failure));
    else setText('');
    inputRef.current?.focus();
  };

  const hide = async () => {
    const result = await api.quick.hide();
    if (!result.ok) setError(result.error.message);
  };

  const startNew = () => {
    exchange.startNew();
    setText('');
    setError(null);
    focusInput();
  };

  const togglePin = async () => {
    const result = await api.quick.setPinned({ pinned: !pinned });
    if (result.ok) setPinned(result.value.pinned);
    else setError(result.error.message);
  };

  const openInMain = async (conversationId: string) => {
    const result = await api.quick.openInMain({ conversationId });
    if (!result.ok) setError(result.error.message);
    // Browser mode has no main window to drive: this page becomes the main page.
    else if (!result.value.shown) location.assign(mainPageHref(conversationId));
  };

  useWindowKeydown((event) => {
    if (event.isComposing || event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      // Esc stops a reply first; pressed again (or with nothing streaming) it hides the window.
      if (exchange.stop()) focusInput();
      else void hide();
    } else if (isShortcut(event, 'n')) {
      event.preventDefault();
      startNew();
    }
  });

  const { conversationId } = exchange;
  return (
    <div className="quick">
      <QuickHeader
        pinned={pinned}
        onTogglePin={() => void togglePin()}
        onNew={startNew}
        onOpenInMain={conversationId ? () => void openInMain(conversationId) : undefined}
        onHide={canHide ? () => void hide() : undefined}
      />
      <ConnectionBanner />
      <main className="quick__main">
        <QuickInput
          inputRef={inputRef}
          text={text}
          onTextChange={setText}
          onAsk={() => void ask()}
          onStop={() => {
            exchange.stop();
            focusInput();
          }}
          streaming={exchange.streaming}
          busy={sending}
        />
        {error && (
          <p className="quick__error" role="alert">
            {error}
          </p>
        )}
        {exchange.loadError && (
          <p className="quick__error" role="alert">
            Could not load this exchange: {exchange.loadError.message}
          </p>
        )}
        {exchange.messages.length > 0 ? (
          <MessageList conversationId={conversationId} messages={exchange.messages} streaming={exchange.streaming} />
        ) : (
          <QuickHints canHide={canHide} />
        )}
      </main>
    </div>
  );
}
