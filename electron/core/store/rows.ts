import type { SQLOutputValue } from 'node:sqlite';
import type { z } from 'zod';
import {
  ConversationSettingsSchema,
  ConversationSourceSchema,
  MessageStatusSchema,
  RoleSchema,
  UsageSchema,
  type ConversationSettings,
  type ConversationSummary,
  type Message,
  type Usage,
} from '../../../shared/domain.ts';
import { AppErrorSchema } from '../../../shared/errors.ts';
import { StoredImageSchema, toImageRef, type StoredImage } from './images.ts';

export type Row = Record<string, SQLOutputValue>;

function text(row: Row, column: string): string {
  const value = row[column];
  return typeof value === 'string' ? value : '';
}

function integer(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return 0;
}

/** JSON columns are read defensively: a damaged value becomes absent instead of breaking the list. */
function json<S extends z.ZodType>(row: Row, column: string, schema: S): z.output<S> | undefined {
  const raw = row[column];
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function toSummary(row: Row): ConversationSummary {
  const summary: ConversationSummary = {
    id: text(row, 'id'),
    title: text(row, 'title'),
    createdAt: integer(row, 'created_at'),
    updatedAt: integer(row, 'updated_at'),
  };
  const deletedAt = row['deleted_at'];
  if (typeof deletedAt === 'number' || typeof deletedAt === 'bigint') summary.deletedAt = Number(deletedAt);
  const source = ConversationSourceSchema.safeParse(row['source']);
  if (source.success) summary.source = source.data;
  if ('pinned' in row) summary.pinned = integer(row, 'pinned') !== 0;
  return summary;
}

/** A conversation's own settings; damaged JSON reads as none. */
export function toConversationSettings(row: Row): ConversationSettings {
  return json(row, 'settings', ConversationSettingsSchema) ?? {};
}

const ImagesSchema = StoredImageSchema.array();

/** `pending` is text appended while streaming and not yet folded into the content column. */
export function toMessage(row: Row, pending = ''): Message {
  const role = RoleSchema.safeParse(row['role']);
  const status = MessageStatusSchema.safeParse(row['status']);
  const message: Message = {
    id: text(row, 'id'),
    conversationId: text(row, 'conversation_id'),
    role: role.success ? role.data : 'assistant',
    content: text(row, 'content') + pending,
    images: (json(row, 'images', ImagesSchema) ?? []).map(toImageRef),
    status: status.success ? status.data : 'error',
    createdAt: integer(row, 'created_at'),
  };
  const usage = json(row, 'usage', UsageSchema);
  const error = json(row, 'error', AppErrorSchema);
  const model = row['model'];
  if (usage) message.usage = usage;
  if (error) message.error = error;
  if (typeof model === 'string') message.model = model;
  if ('parent_id' in row) message.parentId = typeof row['parent_id'] === 'string' ? row['parent_id'] : null;
  const ttft = row['ttft_ms'];
  if (typeof ttft === 'number' || typeof ttft === 'bigint') message.timeToFirstTokenMs = Number(ttft);
  const reasoning = row['reasoning'];
  if (typeof reasoning === 'string' && reasoning) message.reasoning = reasoning;
  const reasoningMs = row['reasoning_ms'];
  if (typeof reasoningMs === 'number' || typeof reasoningMs === 'bigint') message.reasoningMs = Number(reasoningMs);
  return message;
}

/** A message's token counts, without reading the rest of it. */
export function rowUsage(row: Row): Usage | undefined {
  return json(row, 'usage', UsageSchema);
}

export function imagesJson(images: readonly StoredImage[]): string {
  return JSON.stringify(images);
}

/** The stored references of a row, without URLs. */
export function rowImages(row: Row): StoredImage[] {
  return json(row, 'images', ImagesSchema) ?? [];
}
