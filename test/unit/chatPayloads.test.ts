import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeltaBatcher } from '../../electron/core/chat/deltaBatcher.ts';
import { readChunk, readCompletion, readUsage } from '../../electron/core/chat/providerPayloads.ts';

describe('provider payloads', () => {
  it('reads usage with reasoning and cached tokens, tolerating missing parts', () => {
    expect(
      readUsage({
        prompt_tokens: 10,
        completion_tokens: 5,
        total_tokens: 15,
        completion_tokens_details: { reasoning_tokens: 2 },
        prompt_tokens_details: { cached_tokens: 8 },
      }),
    ).toEqual({ promptTokens: 10, completionTokens: 5, totalTokens: 15, reasoningTokens: 2, cachedTokens: 8 });
    expect(readUsage({ prompt_tokens: 3, completion_tokens: 4 })).toEqual({ promptTokens: 3, completionTokens: 4, totalTokens: 7 });
    expect(readUsage({ prompt_tokens: -1, completion_tokens: 'x' })).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
    expect(readUsage(null)).toBeUndefined();
  });

  it('reads chunks defensively', () => {
    expect(readChunk({ choices: [{ delta: { content: 'Hi' } }] })).toEqual({ recognized: true, text: 'Hi' });
    expect(readChunk({ choices: [{ delta: { content: null } }] })).toEqual({ recognized: true, text: '' });
    expect(readChunk({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 1 } })).toMatchObject({
      recognized: true,
      usage: { totalTokens: 2 },
    });
    expect(readChunk({ object: 'something else' })).toEqual({ recognized: false, text: '' });
    expect(readChunk('text')).toEqual({ recognized: false, text: '' });
    expect(readChunk({ choices: [{ delta: { content: 42 } }] }).text).toBe('');
  });

  it('reads whole completions, and refuses bodies that are not one', () => {
    expect(readCompletion({ choices: [{ message: { content: 'Done.' } }], usage: { prompt_tokens: 1, completion_tokens: 2 } })).toEqual({
      text: 'Done.',
      usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
    });
    expect(readCompletion({ choices: [{ message: { content: null, refusal: 'I cannot.' } }] })).toEqual({ text: 'I cannot.' });
    expect(readCompletion('<html>')).toBeUndefined();
    expect(readCompletion({ error: 'x' })).toBeUndefined();
  });
});

describe('DeltaBatcher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands on text at most once per interval, and everything on flush', () => {
    vi.useFakeTimers();
    const batches: string[] = [];
    const batcher = new DeltaBatcher(16, (text) => batches.push(text));
    batcher.push('a');
    batcher.push('b');
    batcher.push('');
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(batches).toEqual(['ab']);
    batcher.push('c');
    batcher.flush();
    expect(batches).toEqual(['ab', 'c']);
    vi.advanceTimersByTime(100);
    expect(batches).toEqual(['ab', 'c']);
    batcher.push('dropped');
    batcher.dispose();
    vi.advanceTimersByTime(100);
    expect(batches).toEqual(['ab', 'c']);
  });
});
