import { useEffect, useMemo, useState } from 'react';
import { lazyModule, nothingToLoad, useLazyModule } from '../../ui/lazyModule.ts';
import type * as HighlighterModule from './highlighter.ts';
import type { HighlightedLines } from './highlighter.ts';

type Highlighter = typeof HighlighterModule;
const highlighterModule = lazyModule<Highlighter>(() => import('./highlighter.ts'));

/**
 * The code as coloured tokens, or undefined while it shows plain: before the highlighter chunk or the
 * language arrived, for a language Parley does not know, and while `enabled` is false (the block is
 * still streaming, so it is highlighted once instead of on every frame).
 */
export function useHighlight(code: string, tag: string | undefined, enabled: boolean): HighlightedLines | undefined {
  const wanted = enabled && !!tag ? tag : undefined;
  // Subscribing starts the chunk's download: only a finished code block with a language tag asks.
  const highlighter = useLazyModule<Highlighter>(wanted ? highlighterModule : nothingToLoad);
  // Synchronous once the language is in, so a block mounted again (switching chats) never flashes plain.
  const now = useMemo(() => (highlighter && wanted ? highlighter.highlightNow(code, wanted) : undefined), [highlighter, wanted, code]);
  const [late, setLate] = useState<{ code: string; tag: string; lines: HighlightedLines | undefined }>();

  useEffect(() => {
    if (!highlighter || !wanted || now) return;
    let live = true;
    void highlighter.prepare(wanted).then((ok) => {
      if (live && ok) setLate({ code, tag: wanted, lines: highlighter.highlightNow(code, wanted) });
    });
    return () => {
      live = false;
    };
  }, [highlighter, wanted, code, now]);

  return now ?? (late && late.code === code && late.tag === wanted ? late.lines : undefined);
}
