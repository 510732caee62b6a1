import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ExportedConversation, ExportedMessage } from './exportSchema.ts';

// ChatGPT's data export (conversations.json): an array of conversations, each a tree of `mapping`
// nodes; `current_node` is the leaf the user last saw, and its parent chain is the visible thread.
// Read leniently: only what is needed, and unknown fields are ignored.

const ChatGptMessageSchema = z.object({
  id: z.string().min(1).max(100),
  author: z.object({ role: z.string() }),
  create_time: z.number().nullish(),
  content: z.object({ content_type: z.string(), parts: z.array(z.unknown()).nullish() }).nullish(),
  recipient: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

const ChatGptNodeSchema = z.object({
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
  message: ChatGptMessageSchema.nullish(),
});

const ChatGptConversationSchema = z.object({
  id: z.string().min(1).max(100).nullish(),
  conversation_id: z.string().min(1).max(100).nullish(),
  title: z.string().nullish(),
  create_time: z.number().nullish(),
  update_time: z.number().nullish(),
  mapping: z.record(z.string(), ChatGptNodeSchema),
  current_node: z.string().nullish(),
});
type ChatGptConversation = z.infer<typeof ChatGptConversationSchema>;
type ChatGptNode = z.infer<typeof ChatGptNodeSchema>;

export const ChatGptExportSchema = z.array(ChatGptConversationSchema);

const TEXT_TYPES = new Set(['text', 'multimodal_text']);
const FALLBACK_TITLE = 'Imported from ChatGPT';

function ms(seconds: number | null | undefined): number | undefined {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : undefined;
}

/** The leaf to start from: current_node, or else the newest node without children. */
function leafOf(conversation: ChatGptConversation): string | undefined {
  const { mapping, current_node: current } = conversation;
  if (current && mapping[current]) return current;
  let best: { id: string; time: number } | undefined;
  for (const [id, node] of Object.entries(mapping)) {
    if (node.children?.length) continue;
    const time = node.message?.create_time ?? 0;
    if (!best || time >= best.time) best = { id, time };
  }
  return best?.id;
}

/** The visible thread, oldest first: the leaf's parent chain (guarded against loops). */
function visiblePath(conversation: ChatGptConversation): ChatGptNode[] {
  const path: ChatGptNode[] = [];
  const seen = new Set<string>();
  for (let id = leafOf(conversation); id && !seen.has(id); ) {
    seen.add(id);
    const node = conversation.mapping[id];
    if (!node) break;
    path.push(node);
    id = node.parent ?? undefined;
  }
  return path.reverse();
}

/** A user or assistant message with text the user saw; system, tool and hidden messages are skipped. */
function toMessage(node: ChatGptNode, fallbackTime: number): ExportedMessage | undefined {
  const message = node.message;
  if (!message) return undefined;
  const role = message.author.role;
  if (role !== 'user' && role !== 'assistant') return undefined;
  if (message.metadata?.['is_visually_hidden_from_conversation'] === true) return undefined;
  if (message.recipient && message.recipient !== 'all') return undefined; // a call to a tool
  if (!message.content || !TEXT_TYPES.has(message.content.content_type)) return undefined;
  const text = (message.content.parts ?? []).filter((part): part is string => typeof part === 'string').join('\n');
  if (!text.trim()) return undefined;
  const model = message.metadata?.['model_slug'];
  return {
    id: message.id,
    role,
    content: text,
    images: [],
    status: 'complete',
    createdAt: ms(message.create_time) ?? fallbackTime,
    ...(role === 'assistant' && typeof model === 'string' && model ? { model: model.slice(0, 200) } : {}),
  };
}

/** A stable id when the export has none, so importing the same file twice adds nothing. */
function derivedId(conversation: ChatGptConversation, index: number): string {
  const hash = createHash('sha256').update(`${conversation.title ?? ''}\n${conversation.create_time ?? ''}\n${index}`);
  return `chatgpt-${hash.digest('hex').slice(0, 32)}`;
}

export function fromChatGpt(conversations: readonly ChatGptConversation[], now = Date.now()): ExportedConversation[] {
  return conversations.map((conversation, index) => {
    const createdAt = ms(conversation.create_time) ?? now;
    const messages = visiblePath(conversation)
      .map((node) => toMessage(node, createdAt))
      .filter((m): m is ExportedMessage => m !== undefined);
    return {
      id: conversation.id ?? conversation.conversation_id ?? derivedId(conversation, index),
      title: conversation.title?.trim().slice(0, 200) || FALLBACK_TITLE,
      createdAt,
      updatedAt: ms(conversation.update_time) ?? messages.at(-1)?.createdAt ?? createdAt,
      messages,
    };
  });
}
