export const DEFAULT_TITLE = 'New chat';

const MAX_WORDS = 6;
const MAX_CHARS = 60;

/** A title from the first words of a message, or undefined when the text has none. */
export function titleFromText(text: string): string | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  let title = words.slice(0, MAX_WORDS).join(' ');
  let cut = words.length > MAX_WORDS;
  if (title.length > MAX_CHARS) {
    title = title.slice(0, MAX_CHARS).trimEnd();
    cut = true;
  }
  return cut ? `${title}…` : title;
}
