import type {
  ChatCompletionContentPart,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { Message } from '../../../shared/domain.ts';
import type { ChatConfig } from '../ports.ts';

/** top_k is not in the SDK's types, but OpenAI-compatible providers accept it as a body field. */
interface ExtraBody {
  top_k?: number;
}
export type StreamingBody = ChatCompletionCreateParamsStreaming & ExtraBody;
export type NonStreamingBody = ChatCompletionCreateParamsNonStreaming & ExtraBody;

/** Replies worth sending back as context: ones with text that did not fail. */
const REPLAYED_STATUSES: ReadonlySet<Message['status']> = new Set(['complete', 'stopped', 'interrupted']);

/** Images go out as their `url`: the store reads a request's history with data URLs there. */
function userContent(message: Message): string | ChatCompletionContentPart[] {
  if (message.images.length === 0) return message.content;
  return [
    { type: 'text', text: message.content },
    ...message.images.map((image): ChatCompletionContentPart => ({ type: 'image_url', image_url: { url: image.url } })),
  ];
}

/** The conversation as the provider sees it, oldest first. */
export function toProviderMessages(history: readonly Message[]): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  for (const message of history) {
    if (message.role === 'user') {
      out.push({ role: 'user', content: userContent(message) });
    } else if (message.role === 'assistant') {
      if (REPLAYED_STATUSES.has(message.status) && message.content.trim()) {
        out.push({ role: 'assistant', content: message.content });
      }
    } else if (message.content.trim()) {
      out.push({ role: 'system', content: message.content });
    }
  }
  return out;
}

/** A conversation's system prompt goes first, as a system message; none when it is blank. */
export function withSystemPrompt(messages: ChatCompletionMessageParam[], systemPrompt: string | undefined): ChatCompletionMessageParam[] {
  return systemPrompt?.trim() ? [{ role: 'system', content: systemPrompt }, ...messages] : messages;
}

/** Sent after a cut-off reply to have the model go on; never saved as a message. */
export const CONTINUE_INSTRUCTION = 'Continue exactly where you left off. Do not repeat anything you already wrote.';

/** The request that continues a cut-off reply: the conversation before it, the partial reply as the
 *  model's own words, then the instruction. With no partial text it is simply the question again. */
export function toContinuationMessages(history: readonly Message[], partial: string): ChatCompletionMessageParam[] {
  const messages = toProviderMessages(history);
  if (!partial.trim()) return messages;
  return [...messages, { role: 'assistant', content: partial }, { role: 'user', content: CONTINUE_INSTRUCTION }];
}

/** Sampling values go out only when set, so the provider's defaults apply otherwise. */
function sampling(config: ChatConfig): { temperature?: number; top_p?: number; top_k?: number } {
  return {
    ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
    ...(config.topP === undefined ? {} : { top_p: config.topP }),
    ...(config.topK === undefined ? {} : { top_k: config.topK }),
  };
}

export function buildStreamingBody(config: ChatConfig, messages: ChatCompletionMessageParam[]): StreamingBody {
  return { model: config.model, messages, stream: true, stream_options: { include_usage: true }, ...sampling(config) };
}

export function buildNonStreamingBody(config: ChatConfig, messages: ChatCompletionMessageParam[]): NonStreamingBody {
  return { model: config.model, messages, stream: false, ...sampling(config) };
}
