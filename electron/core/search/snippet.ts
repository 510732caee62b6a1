import type { SnippetSegment } from '../../../shared/contract/conversations.ts';

// Private-use characters mark the matches inside FTS5's snippet(); they are split out here, so the
// UI gets plain text pieces and never has to inject HTML.
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

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
    .replace(/(^|[\s(\uE000\uE001])[*_](?=\S)/gu, '$1')
    .replace(/(?<=\S)[*_](?=$|[\s).,;:!?\uE000\uE001])/gu, '')
    .replace(/\s*\|\s*/gu, ' ');
}

export function toSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean): void => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let rest = stripMarkdown(marked);
  while (rest) {
    const start = rest.indexOf(MATCH_START);
    if (start < 0) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, start), false);
    const end = rest.indexOf(MATCH_END, start + 1);
    const stop = end < 0 ? rest.length : end;
    push(rest.slice(start + 1, stop), true);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  // A whole-message snippet keeps its line breaks; one line reads better in a result list.
  for (const segment of segments) segment.text = segment.text.replace(/\s+/gu, ' ');
  const first = segments[0];
  if (first && !first.match) first.text = first.text.trimStart();
  const last = segments.at(-1);
  if (last && !last.match) last.text = last.text.trimEnd();
  return segments.filter((s) => s.text.length > 0);
}
