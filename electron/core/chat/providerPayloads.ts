import type { Usage } from '../../../shared/domain.ts';

// The provider's JSON is read as unknown and picked apart by hand: an OpenAI-compatible server may
// leave fields out, send nulls, or send something else entirely.

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
}

export function readUsage(value: unknown): Usage | undefined {
  const usage = record(value);
  if (!usage) return undefined;
  const promptTokens = count(usage['prompt_tokens']) ?? 0;
  const completionTokens = count(usage['completion_tokens']) ?? 0;
  const result: Usage = {
    promptTokens,
    completionTokens,
    totalTokens: count(usage['total_tokens']) ?? promptTokens + completionTokens,
  };
  const reasoning = count(record(usage['completion_tokens_details'])?.['reasoning_tokens']);
  const cached = count(record(usage['prompt_tokens_details'])?.['cached_tokens']);
  if (reasoning !== undefined) result.reasoningTokens = reasoning;
  if (cached !== undefined) result.cachedTokens = cached;
  return result;
}

export interface ChunkContent {
  /** False when the chunk had neither choices nor usage: not a chat-completions chunk at all. */
  recognized: boolean;
  text: string;
  /** Reasoning text: `reasoning_content` (most compatible servers) or `reasoning`. */
  reasoning: string;
  /** The model that answered, as the provider names it. */
  model?: string;
  usage?: Usage;
}

function reasoningOf(part: Record<string, unknown> | undefined): string {
  const value = part?.['reasoning_content'] ?? part?.['reasoning'];
  return typeof value === 'string' ? value : '';
}

function modelOf(body: Record<string, unknown> | undefined): string | undefined {
  const model = body?.['model'];
  return typeof model === 'string' && model.trim() ? model.trim().slice(0, 200) : undefined;
}

/** One streamed chunk: the first choice's delta text, and usage when the chunk carries it. */
export function readChunk(chunk: unknown): ChunkContent {
  const body = record(chunk);
  const choices = body?.['choices'];
  const usage = readUsage(body?.['usage']);
  const first = Array.isArray(choices) ? record(choices[0]) : undefined;
  const delta = record(first?.['delta']);
  const content = delta?.['content'];
  const model = modelOf(body);
  return {
    recognized: Array.isArray(choices) || usage !== undefined,
    text: typeof content === 'string' ? content : '',
    reasoning: reasoningOf(delta),
    ...(model ? { model } : {}),
    ...(usage ? { usage } : {}),
  };
}

/** A whole (non-streamed) completion, or undefined when the body is not one. */
export function readCompletion(body: unknown): { text: string; reasoning: string; model?: string; usage?: Usage } | undefined {
  const choices = record(body)?.['choices'];
  if (!Array.isArray(choices)) return undefined;
  const message = record(record(choices[0])?.['message']);
  const content = message?.['content'] ?? message?.['refusal'];
  const usage = readUsage(record(body)?.['usage']);
  const model = modelOf(record(body));
  return {
    text: typeof content === 'string' ? content : '',
    reasoning: reasoningOf(message),
    ...(model ? { model } : {}),
    ...(usage ? { usage } : {}),
  };
}
