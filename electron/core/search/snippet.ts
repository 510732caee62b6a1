import type { SnippetSegment } from '../../../shared/contract/conversations.ts';

// Private-use characters mark the matches inside FTS5's snippet(); they are split out here, so the
// UI gets plain text pieces and never has to inject HTML.
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export function toSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean): void => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let rest = marked;
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
  return segments;
}
