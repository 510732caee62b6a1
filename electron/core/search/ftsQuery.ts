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

/** The words to highlight in a snippet, folded as the index folds them (case, accents): each
 *  letter-or-digit run of each searched word; the last one a prefix while it is being typed. */
export function searchTerms(input: string): { text: string; prefix: boolean }[] {
  const words = input
    .split(/\s+/u)
    .map((word) => word.replace(/\p{Cc}/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 32);
  const typingLastWord = !/\s$/u.test(input);
  return words.flatMap((word, index) => {
    const tokens = word.match(/[\p{L}\p{N}]+/gu) ?? [];
    return tokens.map((token, t) => ({
      text: foldToken(token),
      prefix: index === words.length - 1 && t === tokens.length - 1 && typingLastWord,
    }));
  });
}

/** Lower case without diacritics, as the index's unicode61 tokenizer with remove_diacritics 2. */
export function foldToken(token: string): string {
  return token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
