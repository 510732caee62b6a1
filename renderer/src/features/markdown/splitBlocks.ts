// Splits a Markdown reply into top-level blocks, so a streaming reply re-parses only its growing
// tail: every block but the last is final once the next one has started.

/** A code fence opener, at any indent (fences inside list items are indented). */
const FENCE = /^\s*(`{3,}|~{3,})/;
/** A line that opens display math ($$ alone, or $$ with TeX that does not close on the line). */
const MATH_OPEN = /^\s*\$\$/;
/** Link reference or footnote definitions: they act on the whole text, so it must stay in one piece. */
const DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

function closesFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  const char = fence[0] ?? '`';
  if (trimmed.length < fence.length) return false;
  for (const c of trimmed) if (c !== char) return false;
  return true;
}

function opensMath(line: string): boolean {
  if (!MATH_OPEN.test(line)) return false;
  const rest = line.trim().slice(2);
  // "$$ x $$" on one line is complete; "$$" or "$$ x" opens a block that ends at a later "$$".
  return !rest.trimEnd().endsWith('$$');
}

/**
 * Cuts at blank lines outside code fences and display math, and only where the next line starts
 * at the margin: an indented line after a blank one still belongs to the list item or code above.
 * Joining the blocks gives back the text exactly. A cut, once made, never moves as text is added.
 */
export function splitBlocks(text: string): string[] {
  if (DEFINITION.test(text)) return [text];
  const lines = text.split('\n');
  const blocks: string[] = [];
  let start = 0;
  let fence: string | null = null;
  let inMath = false;
  let afterBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (inMath) {
      if (line.trimEnd().endsWith('$$')) inMath = false;
      continue;
    }
    if (line.trim() === '') {
      afterBlank = true;
      continue;
    }
    if (afterBlank && i > start && !/^\s/.test(line)) {
      blocks.push(`${lines.slice(start, i).join('\n')}\n`);
      start = i;
    }
    afterBlank = false;
    const open = FENCE.exec(line);
    if (open) fence = open[1] ?? '```';
    else if (opensMath(line)) inMath = true;
  }
  blocks.push(lines.slice(start).join('\n'));
  return blocks;
}

export interface Split {
  text: string;
  blocks: string[];
}

/**
 * splitBlocks for a text that grows: when `text` goes on from `previous`, only its last block and
 * what follows are scanned again (the cuts before it never move), and the finished blocks keep the
 * very same strings, so comparing them costs nothing. Work per repaint follows the tail, not the reply.
 */
export function splitGrowing(previous: Split | undefined, text: string): Split {
  if (!previous || previous.blocks.length === 0 || !text.startsWith(previous.text)) return { text, blocks: splitBlocks(text) };
  const last = previous.blocks.at(-1) ?? '';
  const from = previous.text.length - last.length;
  const tail = text.slice(from);
  // A definition acts on the whole text: then it stays in one piece, as splitBlocks does.
  if (DEFINITION.test(tail)) return { text, blocks: [text] };
  return { text, blocks: [...previous.blocks.slice(0, -1), ...splitBlocks(tail)] };
}
