import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain.ts';
import { AppErrorException } from '../../shared/errors.ts';
import { checkConfig } from '../../electron/core/chat/configCheck.ts';
import { buildNonStreamingBody, buildStreamingBody, toProviderMessages } from '../../electron/core/chat/requestBuilder.ts';
import type { ChatConfig } from '../../electron/core/ports.ts';

let seq = 0;
function message(role: Message['role'], content: string, extra: Partial<Message> = {}): Message {
  seq += 1;
  return { id: `m${seq}`, conversationId: 'c', role, content, images: [], status: 'complete', createdAt: seq, ...extra };
}

const config: ChatConfig = { baseUrl: 'https://api.evolink.ai/v1', model: 'gpt-5.2', stream: true, token: 'sk-x' };

describe('toProviderMessages', () => {
  it('keeps users and usable replies in order, and skips empty, failed or unfinished replies', () => {
    const history = [
      message('system', 'Be brief.'),
      message('user', 'one'),
      message('assistant', 'reply one'),
      message('user', 'two'),
      message('assistant', '', { status: 'error', error: { code: 'network', message: 'x' } }),
      message('user', 'three'),
      message('assistant', 'partial', { status: 'error' }),
      message('assistant', 'cut short', { status: 'stopped' }),
      message('assistant', 'crashed mid-way', { status: 'interrupted' }),
      message('assistant', '   ', { status: 'complete' }),
      message('assistant', 'still going', { status: 'streaming' }),
    ];
    expect(toProviderMessages(history)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'reply one' },
      { role: 'user', content: 'two' },
      { role: 'user', content: 'three' },
      { role: 'assistant', content: 'cut short' },
      { role: 'assistant', content: 'crashed mid-way' },
    ]);
  });

  it('turns images into image_url content parts after the text', () => {
    const ref = { id: 'a'.repeat(64), mimeType: 'image/png' as const, bytes: 3 };
    const images = [{ ...ref, url: 'data:image/png;base64,AAAA' }, { ...ref, mimeType: 'image/jpeg' as const, url: 'data:image/jpeg;base64,BBBB', name: 'b.jpg' }];
    expect(toProviderMessages([message('user', 'compare', { images })])).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'compare' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,BBBB' } },
        ],
      },
    ]);
  });
});

describe('request bodies', () => {
  const messages = [{ role: 'user' as const, content: 'hi' }];

  it('streams with usage and sends only the sampling values that are set', () => {
    expect(buildStreamingBody(config, messages)).toEqual({
      model: 'gpt-5.2',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(buildStreamingBody({ ...config, temperature: 0, topP: 1, topK: 5 }, messages)).toMatchObject({
      temperature: 0,
      top_p: 1,
      top_k: 5,
    });
    expect(buildStreamingBody({ ...config, topK: 3 }, messages)).not.toHaveProperty('temperature');
  });

  it('builds a non-streaming body without stream_options', () => {
    expect(buildNonStreamingBody({ ...config, temperature: 1.2 }, messages)).toEqual({
      model: 'gpt-5.2',
      messages,
      stream: false,
      temperature: 1.2,
    });
  });
});

describe('checkConfig', () => {
  const codeOf = (c: ChatConfig): string | undefined => {
    try {
      checkConfig(c);
      return undefined;
    } catch (err) {
      return err instanceof AppErrorException ? err.error.code : 'thrown something else';
    }
  };

  it('accepts valid settings, trimming the token and model', () => {
    expect(checkConfig({ ...config, token: '  sk-x  ', model: ' gpt-5.2 ', temperature: 2, topP: 0, topK: 1 })).toMatchObject({
      token: 'sk-x',
      model: 'gpt-5.2',
    });
  });

  it('refuses a missing token and out-of-range values', () => {
    expect(codeOf({ ...config, token: undefined })).toBe('token_missing');
    expect(codeOf({ ...config, temperature: -0.1 })).toBe('invalid_input');
    expect(codeOf({ ...config, topP: 1.01 })).toBe('invalid_input');
    expect(codeOf({ ...config, topK: 0 })).toBe('invalid_input');
    expect(codeOf({ ...config, baseUrl: 'not a url' })).toBe('invalid_input');
  });
});
