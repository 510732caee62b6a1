import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

/** The system message of a title request (the fake provider in the tests recognises it). */
export const TITLE_INSTRUCTION =
  'You write short titles for conversations. Reply with a title of at most 6 words that says what ' +
  'the conversation is about, in the language of the conversation. Reply with the title only: no ' +
  'quotes, no punctuation at the end, nothing else.';

/** How much of each message the title request carries: the start says what it is about. */
const MAX_CHARS_PER_MESSAGE = 1500;

function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > MAX_CHARS_PER_MESSAGE ? `${trimmed.slice(0, MAX_CHARS_PER_MESSAGE)}…` : trimmed;
}

/** The first exchange as one transcript, so the model describes it instead of continuing it. */
export function titleRequestMessages(question: string, answer: string, imageCount: number): ChatCompletionMessageParam[] {
  const images = imageCount > 0 ? ` [${imageCount} image${imageCount === 1 ? '' : 's'}]` : '';
  const transcript = `User: ${excerpt(question)}${images}\nAssistant: ${excerpt(answer)}`;
  return [
    { role: 'system', content: TITLE_INSTRUCTION },
    { role: 'user', content: `<conversation>\n${transcript}\n</conversation>\nTitle:` },
  ];
}

const MAX_WORDS = 6;
/** More words than this and the model did not write a title at all. */
const MAX_WORDS_ACCEPTED = 12;
const MAX_CHARS = 60;
const QUOTES = `"'\`“”‘’«»„「」『』*_#`;
const EDGE = new RegExp(`^[\\s${QUOTES}•-]+|[\\s${QUOTES}.,;:!?…。！？、-]+$`, 'gu');

/** The model's answer made into a title, or undefined when it is not one (empty, or rambling). */
export function cleanTitle(raw: string): string | undefined {
  const withoutThinking = raw.replace(/<think>[\s\S]*?<\/think>/giu, '');
  const line = withoutThinking
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!line) return undefined;
  let title = line.replace(/^(title|titel|titre|título)\s*[:：]\s*/iu, '').replace(EDGE, '').replace(EDGE, '');
  title = title.replace(/\s+/gu, ' ').trim();
  const words = title.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS_ACCEPTED) return undefined;
  title = words.slice(0, MAX_WORDS).join(' ').replace(EDGE, '');
  if (title.length > MAX_CHARS) title = `${title.slice(0, MAX_CHARS).trimEnd()}…`;
  return title || undefined;
}
