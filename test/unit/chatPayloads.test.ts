import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextThrottle } from '../../electron/core/chat/textThrottle.ts';
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
    expect(readChunk({ choices: [{ delta: { content: 'Hi' } }] })).toEqual({ recognized: true, text: 'Hi', reasoning: '' });
    expect(readChunk({ choices: [{ delta: { content: null } }] })).toEqual({ recognized: true, text: '', reasoning: '' });
    expect(readChunk({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 1 } })).toMatchObject({
      recognized: true,
      usage: { totalTokens: 2 },
    });
    expect(readChunk({ object: 'something else' })).toEqual({ recognized: false, text: '', reasoning: '' });
    expect(readChunk('text')).toEqual({ recognized: false, text: '', reasoning: '' });
    expect(readChunk({ choices: [{ delta: { content: 42 } }] }).text).toBe('');
  });

  it('reads reasoning (reasoning_content or reasoning) and the answering model', () => {
    expect(readChunk({ model: 'gpt-5.2', choices: [{ delta: { reasoning_content: 'Hmm' } }] })).toEqual({
      recognized: true,
      text: '',
      reasoning: 'Hmm',
      model: 'gpt-5.2',
    });
    expect(readChunk({ choices: [{ delta: { reasoning: 'So', content: 'A' } }] })).toMatchObject({ reasoning: 'So', text: 'A' });
    expect(readChunk({ model: 42, choices: [{ delta: { reasoning_content: { x: 1 } } }] })).toEqual({ recognized: true, text: '', reasoning: '' });
    expect(readCompletion({ model: 'm', choices: [{ message: { content: 'Yes.', reasoning_content: 'Think.' } }] })).toEqual({
      text: 'Yes.',
      reasoning: 'Think.',
      model: 'm',
    });
  });

  it('reads whole completions, and refuses bodies that are not one', () => {
    expect(readCompletion({ choices: [{ message: { content: 'Done.' } }], usage: { prompt_tokens: 1, completion_tokens: 2 } })).toEqual({
      text: 'Done.',
      reasoning: '',
      usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
    });
    expect(readCompletion({ choices: [{ message: { content: null, refusal: 'I cannot.' } }] })).toEqual({ text: 'I cannot.', reasoning: '' });
    expect(readCompletion('<html>')).toBeUndefined();
    expect(readCompletion({ error: 'x' })).toBeUndefined();
  });
});

describe('TextThrottle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands on the first text at once, then at most once per interval, and everything on flush', () => {
    vi.useFakeTimers();
    const batches: string[] = [];
    const throttle = new TextThrottle(16, (text) => batches.push(text));
    throttle.push('a');
    expect(batches).toEqual(['a']);
    throttle.push('b');
    throttle.push('c');
    throttle.push('');
    expect(batches).toEqual(['a']);
    vi.advanceTimersByTime(16);
    expect(batches).toEqual(['a', 'bc']);
    throttle.push('d');
    throttle.flush();
    expect(batches).toEqual(['a', 'bc', 'd']);
    vi.advanceTimersByTime(100);
    expect(batches).toEqual(['a', 'bc', 'd']);
    // After a quiet spell the next text goes at once again; what is still waiting at dispose is dropped.
    throttle.push('e');
    throttle.push('dropped');
    throttle.dispose();
    vi.advanceTimersByTime(100);
    expect(batches).toEqual(['a', 'bc', 'd', 'e']);
  });

  it('hands on early once maxChars are waiting', () => {
    vi.useFakeTimers();
    const batches: string[] = [];
    const throttle = new TextThrottle(250, (text) => batches.push(text), 4);
    throttle.push('ab');
    throttle.push('cd');
    expect(batches).toEqual(['ab']);
    throttle.push('ef');
    expect(batches).toEqual(['ab', 'cdef']);
  });
});
