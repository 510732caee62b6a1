import type { SnippetSegment } from '../../../shared/contract/conversations.ts';
import { foldToken } from './ftsQuery.ts';

/** About this many words around the best match. */
export const SNIPPET_TOKENS = 16;

/** Markdown syntax out of a snippet, so it reads as the message does on screen. HTML stays as text
 *  (the window shows it as text too). */
export function stripMarkdown(text: string): string {
  return text
    .replace(/```[^\n]*/gu, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])[ \t]+/gmu, '')
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gmu, ' ')
    .replace(/(\*\*|__|~~|`+)/gu, '')
    .replace(/(^|[\s(])[*_](?=\S)/gu, '$1')
    .replace(/(?<=\S)[*_](?=$|[\s).,;:!?])/gu, '')
    .replace(/\s*\|\s*/gu, ' ');
}

interface Token {
  start: number;
  end: number;
  match: boolean;
}

/** The plain-text snippet of a message for a search: Markdown stripped, about SNIPPET_TOKENS words
 *  around the densest run of matches, each matching word a `match` piece. Made here rather than by
 *  FTS5's snippet(), which would run the whole query a second time per page. */
export function makeSnippet(content: string, terms: readonly { text: string; prefix: boolean }[], size = SNIPPET_TOKENS): SnippetSegment[] {
  const plain = stripMarkdown(content);
  const tokens: Token[] = [];
  for (const found of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = foldToken(found[0]);
    const match = terms.some((term) => (term.prefix ? folded.startsWith(term.text) : folded === term.text));
    tokens.push({ start: found.index, end: found.index + found[0].length, match });
  }
  // The window of `size` tokens holding the most matches (the earliest among equals).
  let best = 0;
  let bestCount = -1;
  const matchesFrom = (from: number): number => tokens.slice(from, from + size).filter((t) => t.match).length;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.match) continue;
    const from = Math.max(0, Math.min(i - 2, tokens.length - size));
    const count = matchesFrom(from);
    if (count > bestCount) {
      best = from;
      bestCount = count;
    }
  }
  const whole = tokens.length <= size;
  const first = whole ? 0 : best;
  const last = whole ? tokens.length : Math.min(tokens.length, first + size);
  const from = first === 0 ? 0 : tokens[first]!.start;
  const to = last === tokens.length ? plain.length : tokens[last - 1]!.end;
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean): void => {
    if (!text) return;
    const previous = segments.at(-1);
    if (previous && previous.match === match) previous.text += text;
    else segments.push({ text, match });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const token of tokens.slice(first, last)) {
    if (!token.match) continue;
    push(plain.slice(at, token.start), false);
    push(plain.slice(token.start, token.end), true);
    at = token.end;
  }
  push(plain.slice(at, to), false);
  if (to < plain.length) push('…', false);
  // A whole-message snippet keeps its line breaks; one line reads better in a result list.
  for (const segment of segments) segment.text = segment.text.replace(/\s+/gu, ' ');
  const head = segments[0];
  if (head && !head.match) head.text = head.text.trimStart();
  const tail = segments.at(-1);
  if (tail && !tail.match) tail.text = tail.text.trimEnd();
  return segments.filter((s) => s.text.length > 0);
}
