/** Turns what the user typed into an FTS5 query that cannot be a syntax error: every word becomes a
 *  quoted string (quotes doubled), so AND, OR, NEAR, *, ^, : and parentheses are just text; all words
 *  must match; the last one also as a prefix while it is being typed. Undefined when nothing is
 *  searchable (no letters or digits). */
export function toFtsQuery(input: string): string | undefined {
  const words = input
    .split(/\s+/u)
    .map((word) => word.replace(/\p{Cc}/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 32);
  if (words.length === 0) return undefined;
  const typingLastWord = !/\s$/u.test(input);
  return words
    .map((word, index) => {
      const quoted = `"${word.replace(/"/g, '""')}"`;
      return index === words.length - 1 && typingLastWord ? `${quoted}*` : quoted;
    })
    .join(' ');
}
