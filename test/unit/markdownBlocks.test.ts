import { describe, expect, it } from 'vitest';
import { prepareMath } from '../../renderer/src/features/markdown/prepareMath.ts';
import { splitBlocks } from '../../renderer/src/features/markdown/splitBlocks.ts';

const REPLY = [
  '# Title',
  '',
  'A paragraph with `code`.',
  '',
  '1. Step one:',
  '',
  '   ```bash',
  '   npm install',
  '',
  '   npm test',
  '   ```',
  '2. Step two',
  '',
  '```python',
  'def f():',
  '',
  '    return 1',
  '```',
  '',
  '$$',
  'a = b',
  '',
  'c = d',
  '$$',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
  'The end.',
].join('\n');

describe('splitBlocks', () => {
  it('gives back the text exactly when joined', () => {
    expect(splitBlocks(REPLY).join('')).toBe(REPLY);
  });

  it('cuts at blank lines, never inside code fences, display math or an indented continuation', () => {
    const blocks = splitBlocks(REPLY);
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(['# Title', 'A paragraph with `code`.', '1. Step one:', '```python', '$$', '| a | b |', 'The end.']);
    expect(blocks[2]).toContain('   npm test\n   ```\n2. Step two');
  });

  it('never moves a cut as the text grows: finished blocks stay as they were', () => {
    const final = splitBlocks(REPLY);
    for (let length = 0; length <= REPLY.length; length++) {
      const blocks = splitBlocks(REPLY.slice(0, length));
      // Every block but the growing last one is already final.
      expect(blocks.slice(0, -1)).toEqual(final.slice(0, blocks.length - 1));
    }
  });

  it('keeps text with link definitions whole', () => {
    const text = 'See [the docs][1].\n\nMore.\n\n[1]: https://example.org';
    expect(splitBlocks(text)).toEqual([text]);
  });
});

describe('prepareMath', () => {
  it('leaves prices alone and keeps real inline math', () => {
    expect(prepareMath('From $5 to $10.')).toBe('From \\$5 to \\$10.');
    expect(prepareMath('Euler: $e^{i\\pi} + 1 = 0$.')).toBe('Euler: $e^{i\\pi} + 1 = 0$.');
    expect(prepareMath('It costs $5.')).toBe('It costs \\$5.');
  });

  it('turns \\( \\) and \\[ \\] into dollars, but not inside code', () => {
    expect(prepareMath('So \\(x^2\\) and\n\\[\ny = 1\n\\]')).toBe('So $x^2$ and\n$$\ny = 1\n$$');
    expect(prepareMath('Regex `\\(a\\)` and `$HOME`')).toBe('Regex `\\(a\\)` and `$HOME`');
    expect(prepareMath('```sh\necho $HOME\n```')).toBe('```sh\necho $HOME\n```');
  });
});

describe('splitGrowing', () => {
  it('gives the same blocks as splitBlocks at every length of a growing reply, keeping finished strings', async () => {
    const { splitGrowing } = await import('../../renderer/src/features/markdown/splitBlocks.ts');
    const reply = `${REPLY}\n\nMore text.\n\n$$\nx\n\n$$\n\n- a\n\n  b\n\n[ref]: https://example.org\n\nAfter.`;
    let split: ReturnType<typeof splitGrowing> | undefined;
    for (let n = 0; n <= reply.length; n += 3) {
      const text = reply.slice(0, n);
      const before = split;
      split = splitGrowing(split, text);
      expect(split.blocks).toEqual(splitBlocks(text));
      if (before && before.blocks.length > 1 && split.blocks.length > 1 && !text.includes('[ref]:')) expect(split.blocks[0]).toBe(before.blocks[0]);
    }
    expect(splitGrowing({ text: 'other', blocks: ['other'] }, 'new text').blocks).toEqual(splitBlocks('new text'));
  });
});
