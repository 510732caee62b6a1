import type { Conversation } from '../../../shared/domain.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedConversation, type ParleyExport } from './exportSchema.ts';
import { toMarkdown } from './markdown.ts';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** Only what the database holds about conversations goes out: never settings, tokens or keys. */
function toExported(conversation: Conversation): ExportedConversation {
  const { id, title, createdAt, updatedAt, deletedAt, messages } = conversation;
  return {
    id,
    title,
    createdAt,
    updatedAt,
    ...(deletedAt === undefined ? {} : { deletedAt }),
    messages: messages.map(({ id, role, content, images, status, error, usage, model, createdAt }) => ({
      id,
      role,
      content,
      images,
      status,
      ...(error ? { error } : {}),
      ...(usage ? { usage } : {}),
      ...(model ? { model } : {}),
      createdAt,
    })),
  };
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

function fileName(conversations: readonly Conversation[], exportedAt: Date, extension: string): string {
  if (conversations.length === 1) return `${slug(conversations[0]!.title)}.${extension}`;
  return `parley-export-${exportedAt.toISOString().slice(0, 10)}.${extension}`;
}

export function exportConversations(
  conversations: readonly Conversation[],
  format: 'markdown' | 'json',
  app: { name: string; version: string },
  exportedAt = new Date(),
): ExportFile {
  if (format === 'markdown') {
    return { fileName: fileName(conversations, exportedAt, 'md'), mimeType: 'text/markdown', content: toMarkdown(conversations, exportedAt) };
  }
  const file: ParleyExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    app,
    conversations: conversations.map(toExported),
  };
  return { fileName: fileName(conversations, exportedAt, 'json'), mimeType: 'application/json', content: `${JSON.stringify(file, null, 2)}\n` };
}
