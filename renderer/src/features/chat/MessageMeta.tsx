import type { Message, Usage } from '../../../../shared/domain.ts';

const statusText: Partial<Record<Message['status'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted: Parley closed before the reply finished.',
};

function UsageLine({ usage }: { usage: Usage }) {
  const parts = [`${usage.promptTokens.toLocaleString()} prompt`, `${usage.completionTokens.toLocaleString()} completion`];
  if (usage.reasoningTokens !== undefined) parts.push(`${usage.reasoningTokens.toLocaleString()} reasoning`);
  return <p className="message__usage">Tokens: {parts.join(' · ')}</p>;
}

/** What happened to a reply (stopped, failed, interrupted) and what it cost. */
export function MessageMeta({ message }: { message: Message }) {
  const status = statusText[message.status];
  return (
    <>
      {status && <p className={`message__status message__status--${message.status}`}>{status}</p>}
      {message.status === 'error' && (
        <p className="message__error" role="alert">
          {message.error?.message ?? 'The reply failed.'}
        </p>
      )}
      {message.usage && message.status !== 'streaming' && <UsageLine usage={message.usage} />}
    </>
  );
}
