// A linear look at a block before parsing it: the Markdown parser is quadratic on some inputs
// (unmatched emphasis markers, one enormous word), so only a block that is cheap by these measures
// is parsed on the page's thread; anything else goes to the Markdown worker (see markdownClient.ts).

/** Text outside code fences. Normal replies' blocks are paragraphs, far below this. */
const MAX_PROSE_CHARS = 12_000;
/** Code fences parse in linear time; this bounds the size of the tree rendered at once. */
const MAX_CODE_CHARS = 120_000;
/** Characters that may open or close inline syntax; their pairing is what can go quadratic. */
const MAX_DELIMITERS = 600;
/** Runs of non-space characters longer than this are not words anyone wrote. */
const MAX_WORD = 2_000;

const FENCE = /^\s*(`{3,}|~{3,})/;
const DELIMITERS = new Set(['*', '_', '~', '`', '[', ']', '$', '<', '!', '\\', '|']);

export function isCheapToParse(block: string): boolean {
  if (block.length > MAX_CODE_CHARS) return false;
  let prose = 0;
  let delimiters = 0;
  let word = 0;
  let inFence = false;
  let lineStart = 0;
  while (lineStart <= block.length) {
    let lineEnd = block.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = block.length;
    const line = block.slice(lineStart, lineEnd);
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence) {
      prose += line.length;
      for (let i = 0; i < line.length; i++) {
        const c = line[i] ?? '';
        if (DELIMITERS.has(c)) delimiters++;
        word = c === ' ' || c === '\t' ? 0 : word + 1;
        if (word > MAX_WORD) return false;
      }
      if (prose > MAX_PROSE_CHARS || delimiters > MAX_DELIMITERS) return false;
    }
    word = 0;
    lineStart = lineEnd + 1;
  }
  return true;
}
