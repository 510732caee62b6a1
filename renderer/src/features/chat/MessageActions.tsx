import { memo } from 'react';
import type { Message } from '../../../../shared/domain.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import type { MessageCommands } from './useMessageCommands.ts';
import { VersionSwitcher } from './VersionSwitcher.tsx';

interface Props {
  message: Message;
  text: string;
  /** Offered on a cut-off reply (the last one): asks the model to go on where it stopped. */
  onContinue?: (() => void) | undefined;
  commands: MessageCommands | undefined;
  /** A reply streams: nothing may start another one or switch branches under it. */
  busy: boolean;
}

/** Actions under a message: shown on hover or focus, always in the tab order. */
export function MessageActions({ message, text, onContinue, commands, busy }: Props) {
  const isUser = message.role === 'user';
  const canRegenerate = message.role === 'assistant' && message.status !== 'streaming' && message.status !== 'error';
  return (
    <div className="message__actions">
      <MessageTime at={message.createdAt} />
      {commands && <VersionSwitcher message={message} disabled={busy} onSelect={commands.selectVersion} />}
      {onContinue && (
        <button type="button" className="button message__continue" onClick={onContinue}>
          Continue
        </button>
      )}
      {/* The Markdown source, as the model wrote it (or as the user typed it). */}
      {text.length > 0 && <CopyButton text={text} label="Copy" />}
      {commands && !busy && isUser && (
        <button type="button" className="message__action" onClick={() => commands.startEdit(message)}>
          Edit
        </button>
      )}
      {commands && !busy && canRegenerate && (
        <button type="button" className="message__action" onClick={() => commands.regenerate(message)}>
          Regenerate
        </button>
      )}
    </div>
  );
}

// Formatters made once: toLocale*String builds a new one on every call, and the actions under a
// streaming reply re-render with its text on every repaint.
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayOfMonth = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const fullDate = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** When it was written: the time of day, the full date on hover; shown with the other actions.
 *  Memoized: its only input is the time. */
const MessageTime = memo(function MessageTime({ at }: { at: number }) {
  const date = new Date(at);
  const sameDay = date.toDateString() === new Date().toDateString();
  const short = sameDay ? timeOfDay.format(date) : dayOfMonth.format(date);
  return (
    <time className="message__time" dateTime={date.toISOString()} title={fullDate.format(date)}>
      {short}
    </time>
  );
});
