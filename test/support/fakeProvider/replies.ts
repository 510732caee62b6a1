// How the fake provider reads a request and writes its answers (JSON bodies and SSE chunks).
import type http from 'node:http';
import { TITLE_INSTRUCTION } from '../../../electron/core/titles/titlePrompt.ts';
import type { FakeReply, FakeUsage } from './types.ts';

export const DEFAULT_DELAY_MS = 30;
const DEFAULT_USAGE: FakeUsage = { promptTokens: 12, completionTokens: 7, reasoningTokens: 3, cachedTokens: 4 };

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The text of the last user message, whether its content is a string or a list of parts. */
export function lastUserText(body: unknown): string {
  const messages = record(body)['messages'];
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = record(messages[i]);
    if (message['role'] !== 'user') continue;
    const content = message['content'];
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) {
      return content
        .map((part) => record(part))
        .filter((part) => part['type'] === 'text' && typeof part['text'] === 'string')
        .map((part) => String(part['text']))
        .join(' ');
    }
    return '';
  }
  return '';
}

/** Splits text into about `count` pieces that join back to it. */
export function splitIntoChunks(text: string, count = 5): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

export function usageJson(usage: FakeUsage): Record<string, unknown> {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
    prompt_tokens_details: { cached_tokens: usage.cachedTokens ?? 0 },
  };
}

/** True for Parley's title request: its system message is the title instruction. */
export function isTitleRequest(body: unknown): boolean {
  const messages = record(body)['messages'];
  return Array.isArray(messages) && record(messages[0])['role'] === 'system' && record(messages[0])['content'] === TITLE_INSTRUCTION;
}

/** The default title: the first words of the user's message in the title request's transcript. */
export function defaultTitleReply(body: unknown): FakeReply {
  const question = /User: ([\s\S]*?)\nAssistant:/.exec(lastUserText(body))?.[1] ?? '';
  const words = question.replace(/\s*\[\d+ images?\]$/, '').split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
  return { kind: 'json', content: `"${words || 'Untitled'}."` };
}

export function defaultReply(body: unknown): FakeReply {
  return { kind: 'stream', chunks: splitIntoChunks(`Echo: ${lastUserText(body)}`), delayMs: DEFAULT_DELAY_MS, usage: DEFAULT_USAGE };
}

export function modelOf(body: unknown): string {
  const model = record(body)['model'];
  return typeof model === 'string' ? model : 'fake-echo';
}

export function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(payload));
}

export function completionJson(body: unknown, content: string, usage: FakeUsage | undefined): Record<string, unknown> {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: modelOf(body),
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    ...(usage ? { usage: usageJson(usage) } : {}),
  };
}

export function chunkJson(body: unknown, delta: Record<string, unknown>, finishReason: string | null, model?: string): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: model ?? modelOf(body),
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
}
