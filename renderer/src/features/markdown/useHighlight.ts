import { useEffect, useState } from 'react';
import { cachedHighlight, highlight } from './highlightClient.ts';
import type { HighlightedLines } from './highlightProtocol.ts';

/**
 * The code as coloured tokens, or undefined while it shows plain: until the worker answered, for a
 * language Parley does not know, and while `enabled` is false (the block is still streaming, so it is
 * highlighted once instead of on every frame). A block seen before comes from the cache at once, so
 * mounting it again (scrolling back, re-opening a chat) never flashes plain.
 */
export function useHighlight(code: string, tag: string | undefined, enabled: boolean): HighlightedLines | undefined {
  const wanted = enabled && !!tag ? tag : undefined;
  const now = wanted ? cachedHighlight(code, wanted) : undefined;
  const [late, setLate] = useState<{ code: string; tag: string; lines: HighlightedLines | null }>();

  useEffect(() => {
    if (!wanted || now !== undefined) return;
    let live = true;
    void highlight(code, wanted).then((lines) => {
      if (live) setLate({ code, tag: wanted, lines });
    });
    return () => {
      live = false;
    };
  }, [wanted, code, now]);

  const lines = now !== undefined ? now : late && late.code === code && late.tag === wanted ? late.lines : undefined;
  return lines ?? undefined;
}
