import type { z } from 'zod';
import { fail } from '../../../shared/errors.ts';
import { ChatGptExportSchema, fromChatGpt } from './chatgpt.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, ParleyExportSchema, type ExportedConversation } from './exportSchema.ts';

export const KINDS = 'Import a Parley JSON export, or conversations.json from a ChatGPT data export (unzip it first).';

/** The first problem zod found, with where it is, e.g. "conversations.2.messages.0.role: Invalid option". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected content';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** What a file that is not JSON seems to be, from its first bytes (as text), for the message. */
function whatItLooksLike(content: string): string | undefined {
  const head = content.slice(0, 8);
  if (/^.PNG/.test(head)) return 'a PNG image';
  if (head.startsWith('\uFFFD\uFFFD\uFFFD') || head.startsWith('\xFF\xD8')) return 'an image';
  if (head.startsWith('GIF8')) return 'a GIF image';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('PK')) return 'a ZIP archive (unzip it first)';
  if (/^\s*</.test(head)) return 'a web page';
  return undefined;
}

/** The message for a file that is not JSON, naming what it seems to be (from its first characters):
 *  the parser's own words ("Unexpected token … in JSON at position 0") help nobody here. */
export function notJsonMessage(head: string): string {
  const kind = whatItLooksLike(head);
  return `That file is not valid JSON${kind ? `: it looks like ${kind}` : ''}. ${KINDS}`;
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return fail('invalid_input', notJsonMessage(content));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an import file into conversations to merge, or fails with invalid_input saying what is wrong. */
export function parseImport(content: string): ExportedConversation[] {
  const data = parseJson(content);
  if (isRecord(data) && data['format'] === EXPORT_FORMAT) {
    const version = data['version'];
    if (typeof version === 'number' && version > EXPORT_VERSION) {
      fail('invalid_input', `That export was made by a newer version of Parley (format version ${version}). Update Parley to import it.`);
    }
    const parsed = ParleyExportSchema.safeParse(data);
    if (!parsed.success) fail('invalid_input', `That Parley export is damaged: ${firstIssue(parsed.error)}.`);
    // Version 1 had no branches: each conversation is one chain, in the order of the file.
    if (parsed.data.version === 1) {
      return parsed.data.conversations.map(({ selectedPath: _path, ...c }) => ({
        ...c,
        messages: c.messages.map(({ parentId: _parent, ...m }) => m),
      }));
    }
    return parsed.data.conversations;
  }
  if (Array.isArray(data)) {
    const parsed = ChatGptExportSchema.safeParse(data);
    if (!parsed.success) fail('invalid_input', `That does not look like ChatGPT's conversations.json: ${firstIssue(parsed.error)}.`);
    return fromChatGpt(parsed.data);
  }
  return fail('invalid_input', `That file is not one Parley can import. ${KINDS}`);
}
