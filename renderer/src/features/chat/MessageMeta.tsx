import { memo } from 'react';
import type { Message } from '../../../../shared/domain.ts';
import type { OpenSettings } from '../settings/settingsTarget.ts';
import { ReplyError } from './ReplyError.tsx';
import { UsageLine } from './UsageLine.tsx';

const statusText: Partial<Record<Message['status'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted: Parley closed before the reply finished.',
};

interface Props {
  message: Message;
  onRetry?: (() => void) | undefined;
  onOpenSettings: OpenSettings;
}

/** What happened to a reply (stopped, failed, interrupted) and what it cost. Memoized: a streaming
 *  reply repaints its text, not this. */
export const MessageMeta = memo(function MessageMeta({ message, onRetry, onOpenSettings }: Props) {
  const status = statusText[message.status];
  const finished = message.status !== 'streaming';
  return (
    <>
      {status && <p className={`message__status message__status--${message.status}`}>{status}</p>}
      {message.status === 'error' && <ReplyError error={message.error} failedAt={message.createdAt} onRetry={onRetry} onOpenSettings={onOpenSettings} />}
      {finished && message.role === 'assistant' && (message.model || message.usage) && (
        <p className="message__info">
          {/* The model that answered (the response names it; with evolink/auto the provider picks). */}
          {message.model && <span className="message__model">{message.model}</span>}
          <UsageLine usage={message.usage} timeToFirstTokenMs={message.timeToFirstTokenMs} />
        </p>
      )}
    </>
  );
});
