import { memo } from 'react';
import type { Message } from '../../../../shared/domain.ts';
import { Markdown } from '../markdown/Markdown.tsx';
import { PlainText } from '../markdown/PlainText.tsx';

interface Props {
  text: string;
  role: Message['role'];
  streaming: boolean;
}

/**
 * The text of a message. Replies are Markdown. What the user typed is shown exactly as typed, line
 * breaks kept: a pasted snippet with * or _ in it must not turn into formatting they did not ask for.
 */
export const MessageBody = memo(function MessageBody({ text, role, streaming }: Props) {
  if (role === 'assistant') {
    return (
      <div className="message__body message__body--markdown" data-streaming={streaming || undefined}>
        <Markdown text={text} streaming={streaming} />
      </div>
    );
  }
  return <PlainText className="message__body message__body--plain" text={text} />;
});
