import type { SQLOutputValue } from 'node:sqlite';
import type { z } from 'zod';
import {
  ImageAttachmentSchema,
  MessageStatusSchema,
  RoleSchema,
  UsageSchema,
  type ConversationSummary,
  type ImageAttachment,
  type Message,
} from '../../../shared/domain.ts';
import { AppErrorSchema } from '../../../shared/errors.ts';

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
  return summary;
}

const ImagesSchema = ImageAttachmentSchema.array();

/** `pending` is text appended while streaming and not yet folded into the content column. */
export function toMessage(row: Row, pending = ''): Message {
  const role = RoleSchema.safeParse(row['role']);
  const status = MessageStatusSchema.safeParse(row['status']);
  const message: Message = {
    id: text(row, 'id'),
    conversationId: text(row, 'conversation_id'),
    role: role.success ? role.data : 'assistant',
    content: text(row, 'content') + pending,
    images: json(row, 'images', ImagesSchema) ?? [],
    status: status.success ? status.data : 'error',
    createdAt: integer(row, 'created_at'),
  };
  const usage = json(row, 'usage', UsageSchema);
  const error = json(row, 'error', AppErrorSchema);
  const model = row['model'];
  if (usage) message.usage = usage;
  if (error) message.error = error;
  if (typeof model === 'string') message.model = model;
  return message;
}

export function imagesJson(images: readonly ImageAttachment[]): string {
  return JSON.stringify(images);
}
