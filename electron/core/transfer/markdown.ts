import type { Conversation, Message } from '../../../shared/domain.ts';

const ROLE_NAMES: Record<Message['role'], string> = { user: 'You', assistant: 'Assistant', system: 'System' };
const STATUS_NOTES: Partial<Record<Message['status'], string>> = {
  stopped: 'stopped',
  interrupted: 'interrupted',
  error: 'failed',
  streaming: 'still arriving',
};

/** e.g. 2025-01-31 14:05 UTC: the same whatever the machine's time zone. */
export function readableTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function messageMarkdown(message: Message): string {
  const who = ROLE_NAMES[message.role];
  const model = message.role === 'assistant' && message.model ? ` (${message.model})` : '';
  const note = STATUS_NOTES[message.status];
  const head = `**${who}**${model} · ${readableTime(message.createdAt)}${note ? ` · _${note}_` : ''}`;
  const images = message.images.map((image) => `_[image${image.name ? `: ${image.name}` : ''}]_`);
  const error = message.error ? [`> ${message.error.message}`] : [];
  return [head, reasoningMarkdown(message), message.content.trim(), ...images, ...error].filter(Boolean).join('\n\n');
}

/** The thinking, folded as on screen (GitHub and most viewers render <details>), each line quoted. */
function reasoningMarkdown(message: Message): string {
  const text = message.reasoning?.trim();
  if (!text) return '';
  const seconds = message.reasoningMs === undefined ? '' : ` for ${Math.max(1, Math.round(message.reasoningMs / 1000))} s`;
  const quoted = text.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
  return `<details><summary>Thought${seconds}</summary>\n\n${quoted}\n\n</details>`;
}

export function conversationMarkdown(conversation: Pick<Conversation, 'title' | 'createdAt' | 'messages'>, heading: string): string {
  const head = `${heading} ${conversation.title}\n\n_Started ${readableTime(conversation.createdAt)}_`;
  return [head, ...conversation.messages.map(messageMarkdown)].join('\n\n');
}

export function markdownTitle(count: number, exportedAt: Date): string {
  return `# Parley conversations\n\n_Exported ${readableTime(exportedAt.getTime())}, ${count} conversations_`;
}

/** For reading (and printing), not for importing back: JSON is the lossless format. Images are
 *  named, not embedded. */
export function toMarkdown(conversations: readonly Conversation[], exportedAt: Date): string {
  if (conversations.length === 1) return `${conversationMarkdown(conversations[0]!, '#')}\n`;
  const title = markdownTitle(conversations.length, exportedAt);
  return `${[title, ...conversations.map((c) => conversationMarkdown(c, '##'))].join('\n\n---\n\n')}\n`;
}
