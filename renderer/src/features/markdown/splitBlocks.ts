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
