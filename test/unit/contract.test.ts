import { describe, expect, it } from 'vitest';
import { buildApi, callChannels, calls, eventChannels, events, type Transport } from '../../shared/contract/index.ts';
import { ChatSendInputSchema } from '../../shared/contract/chat.ts';

describe('the contract', () => {
  it('lists every call and event channel exactly once, named domain:verb', () => {
    expect([...callChannels].sort()).toEqual(Object.keys(calls).sort());
    expect([...eventChannels].sort()).toEqual(Object.keys(events).sort());
    for (const channel of [...callChannels, ...eventChannels]) {
      expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    }
  });

  it('builds one named function per call and one subscription per event', async () => {
    const invoked: Array<[string, unknown]> = [];
    const subscribed: string[] = [];
    const transport: Transport = {
      invoke: async (channel, input) => {
        invoked.push([channel, input]);
        return { ok: true, value: channel };
      },
      subscribe: (channel) => {
        subscribed.push(channel);
        return () => undefined;
      },
    };
    const api = buildApi(transport);
    await api.chat.send({ text: 'hi' });
    await api.conversations.list();
    const off = api.chat.onEvent(() => undefined);
    api.conversations.onChanged(() => undefined);
    off();
    expect(invoked).toEqual([
      ['chat:send', { text: 'hi' }],
      ['conversations:list', undefined],
    ]);
    expect(subscribed).toEqual(['chat:event', 'conversations:changed']);
    expect(Object.keys(api).sort()).toEqual(['app', 'auth', 'chat', 'conversations', 'drafts', 'providers', 'quick', 'settings']);
    expect('invoke' in api).toBe(false);
  });

  it('refuses an empty message and too many images before anything is sent', () => {
    expect(ChatSendInputSchema.safeParse({ text: '   ' }).success).toBe(false);
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(ChatSendInputSchema.safeParse({ text: '', images: [{ dataUrl: png }] }).success).toBe(true);
    const tooMany = Array.from({ length: 9 }, () => ({ dataUrl: png }));
    expect(ChatSendInputSchema.safeParse({ text: 'x', images: tooMany }).success).toBe(false);
    expect(ChatSendInputSchema.safeParse({ text: 'x', images: [{ dataUrl: 'data:text/html;base64,PGI+' }] }).success).toBe(false);
  });
});
