import { describe, expect, it } from 'vitest';
import { isCheapToParse } from '../../renderer/src/features/markdown/parseCost.ts';

describe('isCheapToParse', () => {
  it('lets ordinary blocks and large code fences parse on the page', () => {
    expect(isCheapToParse('Some **bold** and `code`, a [link](https://example.org).\n')).toBe(true);
    const code = Array.from({ length: 2_000 }, (_, i) => `const v${i} = a[${i}] * b_${i} ** 2; // *emphasis* [x]`).join('\n');
    expect(isCheapToParse('```ts\n' + code + '\n```\n')).toBe(true);
  });

  it('sends hostile or huge prose to the worker', () => {
    expect(isCheapToParse('*a'.repeat(25_000))).toBe(false); // unmatched emphasis markers
    expect(isCheapToParse('x'.repeat(200_000))).toBe(false); // one enormous word
    expect(isCheapToParse('word '.repeat(5_000))).toBe(false); // 25 KB of prose in one block
    expect(isCheapToParse('_'.repeat(700))).toBe(false);
  });
});
