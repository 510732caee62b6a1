// The benchmark reply: prose, lists, a table, math and code blocks in several languages, repeated to
// a given length (60,663 characters at full size, the figure the targets are stated for).

const SECTION = [
  '## Section {n}: how the pieces fit',
  '',
  'The renderer keeps **finished blocks** as they are and re-renders only the *growing tail*, so a long',
  'reply costs little per frame. Here is `inline code` and a [link](https://example.org/docs/{n}).',
  '',
  '- first, the short answer with **bold** text;',
  '- second, a longer one with `code` and _emphasis_;',
  '- third, a plain item that runs on for a while to wrap on narrow windows.',
  '',
  '| Step | Cost | Notes |',
  '| --- | ---: | --- |',
  '| parse | 1 ms | per block |',
  '| highlight | 0 ms | in a worker |',
  '',
  'Euler says $e^{i\\pi} + 1 = 0$, and the Gaussian integral is:',
  '',
  '$$',
  '\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}',
  '$$',
  '',
  '```ts',
  'export function total{n}(items: { price: number; count: number }[]): number {',
  '  // Sum of price times count, skipping bad rows.',
  '  return items.filter((item) => item.count > 0).reduce((sum, item) => sum + item.price * item.count, 0);',
  '}',
  '```',
  '',
  '```python',
  'def fib{n}(n: int) -> list[int]:',
  '    """The first n Fibonacci numbers."""',
  '    out = [0, 1]',
  '    while len(out) < n:',
  '        out.append(out[-1] + out[-2])',
  '    return out[:n]',
  '```',
  '',
].join('\n');

export const FULL_REPLY_CHARS = 60_663;
/** The reply's last sentence, as it reads on screen. */
export const REPLY_END = 'That is the whole answer. The end.';

export function benchReply(chars = FULL_REPLY_CHARS): string {
  let text = '';
  for (let n = 1; text.length < chars; n++) text += SECTION.replaceAll('{n}', String(n));
  // Cut at a line end, then pad with a closing sentence to the exact length.
  const cut = text.lastIndexOf('\n\n', chars - 80);
  const tail = `\n\n${REPLY_END}`;
  const body = text.slice(0, cut);
  return (body + tail + ' '.repeat(Math.max(0, chars - body.length - tail.length))).slice(0, chars).trimEnd();
}
