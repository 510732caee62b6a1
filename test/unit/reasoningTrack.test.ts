import { describe, expect, it } from 'vitest';
import { ReasoningTrack } from '../../electron/core/chat/reasoningTrack.ts';

describe('ReasoningTrack', () => {
  it('sends the thinking before the answer and times it up to the first answer text', async () => {
    const shown: string[] = [];
    const track = new ReasoningTrack(1000, (text) => shown.push(text));
    track.push('Let me ', '');
    track.push('think.', '');
    await new Promise((resolve) => setTimeout(resolve, 30));
    track.push('', 'Answer');
    // Everything thought went out once the answer began, however long the batch interval.
    expect(shown.join('')).toBe('Let me think.');
    track.model = 'gpt-5.2';
    const end = track.end();
    expect(end).toMatchObject({ reasoning: 'Let me think.', model: 'gpt-5.2' });
    expect(end.reasoningMs).toBeGreaterThanOrEqual(20);
  });

  it('keeps no duration for a whole reply, and nothing at all without thinking', () => {
    const whole = new ReasoningTrack(16, () => undefined);
    whole.pushWhole('All at once.');
    expect(whole.end()).toEqual({ reasoning: 'All at once.' });
    const none = new ReasoningTrack(16, () => undefined);
    none.push('', 'Just an answer');
    expect(none.end()).toEqual({});
  });
});
