// Models write math in more ways than remark-math reads, and write prices with dollar signs. This
// turns \( \) and \[ \] into $ and $$, and escapes a lone $ that cannot open inline math by
// Pandoc's rules ("$5 to $10" stays text), leaving code spans and code fences alone.

const FENCE = /^\s*(`{3,}|~{3,})/;
const CODE_SPAN = /(`+)[\s\S]*?\1/g;

/** Pandoc: an opening $ has a non-space after it; a closing $ a non-space before it and no digit after. */
function escapeLoneDollars(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i += 1;
      continue;
    }
    if (text[i + 1] === '$') {
      // Display math (or $$inline$$): remark-math's own business.
      const end = text.indexOf('$$', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    const close = closingDollar(text, i);
    if (close < 0) {
      out += '\\$';
      i += 1;
    } else {
      out += text.slice(i, close + 1);
      i = close + 1;
    }
  }
  return out;
}

function closingDollar(text: string, open: number): number {
  const next = text[open + 1];
  if (next === undefined || /\s/.test(next)) return -1;
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j += 1;
      continue;
    }
    if (c === '\n' && text[j + 1] === '\n') return -1; // math does not cross paragraphs
    if (c !== '$') continue;
    if (text[j + 1] === '$') return -1;
    const before = text[j - 1] ?? ' ';
    const after = text[j + 1] ?? '';
    if (!/\s/.test(before) && !/\d/.test(after)) return j;
  }
  return -1;
}

function convertDelimiters(text: string): string {
  return text
    .replace(/\\\[([\s\S]+?)\\\]/g, (_, tex: string) => `$$${tex}$$`)
    .replace(/\\\(([\s\S]+?)\\\)/g, (_, tex: string) => `$${tex.trim()}$`);
}

function prepareProse(text: string): string {
  if (!text.includes('$') && !text.includes('\\')) return text;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    out += escapeLoneDollars(convertDelimiters(text.slice(last, match.index))) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeLoneDollars(convertDelimiters(text.slice(last)));
}

/** Rewrites one block (see splitBlocks); blocks that are or hold a code fence are left as they are. */
export function prepareMath(block: string): string {
  if (block.split('\n').some((line) => FENCE.test(line))) return block;
  return prepareProse(block);
}
