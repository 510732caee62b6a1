// Finding 6, the window's half: deltas are placed by their offset, so a snapshot older or newer than
// the buffer, missed deltas and repeated ones never leave a hole or a repeat.
import { describe, expect, it } from 'vitest';
import type { ParleyApi } from '../../shared/contract/api.ts';
import type { ChatEvent } from '../../shared/contract/chat.ts';
import { StreamHub } from '../../renderer/src/features/chat/streamHub.ts';

function hubWithEvents(): { hub: StreamHub; emit(event: ChatEvent): void } {
  let listener: ((event: ChatEvent) => void) | undefined;
  const api = { chat: { onEvent: (l: (event: ChatEvent) => void) => ((listener = l), () => undefined) } } as unknown as ParleyApi;
  const hub = new StreamHub();
  hub.listen(api);
  return { hub, emit: (event) => listener?.(event) };
}

const ref = { streamId: 's1', conversationId: 'c1', messageId: 'm1' };
const delta = (offset: number, text: string, streamId = 's1'): ChatEvent => ({ type: 'delta', ...ref, streamId, offset, text });

describe('StreamHub merges by offset', () => {
  it('keeps the newer buffer when a re-opened conversation brings an older snapshot', () => {
    const { hub, emit } = hubWithEvents();
    emit(delta(0, 'The quick brown '));
    emit(delta(16, 'fox jumps '));
    hub.seed('m1', 'The quick brown '); // the database lags behind the window
    emit(delta(26, 'over the lazy dog.'));
    expect(hub.text('m1')).toBe('The quick brown fox jumps over the lazy dog.');
  });

  it('fills a gap (deltas missed while reconnecting) from the live snapshot, then applies what came ahead of it', () => {
    const { hub, emit } = hubWithEvents();
    emit(delta(0, 'The quick '));
    // …the connection drops: "brown fox " is never received…
    emit(delta(20, 'jumps '));
    expect(hub.text('m1')).toBe('The quick ');
    hub.seed('m1', 'The quick brown fox ');
    expect(hub.text('m1')).toBe('The quick brown fox jumps ');
    emit(delta(26, 'over the lazy dog.'));
    expect(hub.text('m1')).toBe('The quick brown fox jumps over the lazy dog.');
  });

  it('after a reload: deltas before the snapshot wait for it, and repeats are ignored', () => {
    const { hub, emit } = hubWithEvents();
    emit(delta(10, 'brown '));
    expect(hub.text('m1')).toBeUndefined();
    hub.seed('m1', 'The quick brown ');
    emit(delta(10, 'brown '));
    emit(delta(16, 'fox.'));
    expect(hub.text('m1')).toBe('The quick brown fox.');
  });

  it('a continued reply goes on from its offset, and a retried one starts again', () => {
    const { hub, emit } = hubWithEvents();
    emit(delta(0, 'Half an answer'));
    hub.seed('m1', 'Half an answer');
    emit(delta(14, ', and the rest.', 's2'));
    expect(hub.text('m1')).toBe('Half an answer, and the rest.');
    emit(delta(0, 'A new try.', 's3'));
    expect(hub.text('m1')).toBe('A new try.');
  });
});
