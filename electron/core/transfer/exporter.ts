import type { Conversation, ConversationSettings, ConversationSummary, Message } from '../../../shared/domain.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedConversation, type ExportedMessage, type ParleyExport } from './exportSchema.ts';
import { toMarkdown } from './markdown.ts';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** A conversation as shown (the path on screen) and every message of every branch, oldest first. */
export interface ConversationTree {
  conversation: Conversation;
  allMessages: readonly Message[];
}

export function toExportedMessage(message: Message): ExportedMessage {
  const { id, parentId, role, content, images, status, error, usage, model, timeToFirstTokenMs, reasoning, reasoningMs, createdAt } = message;
  return {
    id,
    parentId: parentId ?? null,
    role,
    content,
    // Read with inlineImages: each url is the image's data URL, so the file is whole by itself.
    images: images.map((image) => ({ dataUrl: image.url, ...(image.name ? { name: image.name } : {}) })),
    status,
    ...(error ? { error } : {}),
    ...(usage ? { usage } : {}),
    ...(model ? { model } : {}),
    ...(timeToFirstTokenMs === undefined ? {} : { timeToFirstTokenMs }),
    ...(reasoning ? { reasoning } : {}),
    ...(reasoningMs === undefined ? {} : { reasoningMs }),
    createdAt,
  };
}

/** Only what the database holds about conversations goes out: never app settings, tokens or keys.
 *  `allMessages` are read with inlineImages, so each image's url is its data URL. */
export function exportedConversation(
  summary: ConversationSummary,
  settings: ConversationSettings | undefined,
  selectedPath: readonly string[],
  allMessages: readonly Message[],
): ExportedConversation {
  const { id, title, source, pinned, createdAt, updatedAt, deletedAt } = summary;
  return {
    id,
    title,
    ...(source ? { source } : {}),
    ...(pinned ? { pinned } : {}),
    ...(settings && Object.keys(settings).length > 0 ? { settings } : {}),
    createdAt,
    updatedAt,
    ...(deletedAt === undefined ? {} : { deletedAt }),
    messages: allMessages.map(toExportedMessage),
    selectedPath: [...selectedPath],
  };
}

function toExported({ conversation, allMessages }: ConversationTree): ExportedConversation {
  return exportedConversation(conversation, conversation.settings, conversation.messages.map((m) => m.id), allMessages);
}

function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return words || 'conversation';
}

export function fileName(conversations: readonly Pick<Conversation, 'title'>[], exportedAt: Date, extension: string): string {
  if (conversations.length === 1) return `${slug(conversations[0]!.title)}.${extension}`;
  return `parley-export-${exportedAt.toISOString().slice(0, 10)}.${extension}`;
}

export function exportConversations(
  trees: readonly ConversationTree[],
  format: 'markdown' | 'json',
  app: { name: string; version: string },
  exportedAt = new Date(),
): ExportFile {
  const conversations = trees.map((tree) => tree.conversation);
  if (format === 'markdown') {
    return { fileName: fileName(conversations, exportedAt, 'md'), mimeType: 'text/markdown', content: toMarkdown(conversations, exportedAt) };
  }
  const file: ParleyExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    app,
    conversations: trees.map(toExported),
  };
  return { fileName: fileName(conversations, exportedAt, 'json'), mimeType: 'application/json', content: `${JSON.stringify(file, null, 2)}\n` };
}
