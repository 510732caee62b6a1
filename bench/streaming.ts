// A 100 KB reply streamed through ChatService into a real database: latency, events and bytes written.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EventChannel, EventPayload } from '../shared/contract/index.ts';
import { ChatService } from '../electron/core/chat/ChatService.ts';
import { ConversationStore } from '../electron/core/store/ConversationStore.ts';
import { once, samples, writtenBytes, type Figure } from './measure.ts';

const CHUNKS = 400; // 400 × 256 B = 100 KB
const RUNS = 5;

async function startProviderProcess(): Promise<{ baseUrl: string; stop(): void }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'fakeProviderProcess.ts'), String(CHUNKS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  return { baseUrl: line.trim(), stop: () => child.kill('SIGTERM') };
}

export async function benchStreaming(): Promise<Figure[]> {
  const provider = await startProviderProcess();
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const store = ConversationStore.open(join(dir, 'parley.db'));
  let onEvent: (payload: EventPayload<'chat:event'>) => void = () => undefined;
  const events = {
    emit<E extends EventChannel>(channel: E, payload: EventPayload<E>) {
      if (channel === 'chat:event') onEvent(payload as EventPayload<'chat:event'>);
    },
  };
  const chat = new ChatService({
    store,
    events,
    getConfig: async () => ({ baseUrl: provider.baseUrl, model: 'gpt-5.2', stream: true, token: 'bench-token' }),
  });

  const firstDelta: number[] = [];
  const total: number[] = [];
  const deltaEvents: number[] = [];
  const written: number[] = [];
  let replyBytes = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const before = writtenBytes();
      const started = performance.now();
      let first = 0;
      let deltas = 0;
      const done = new Promise<number>((resolve) => {
        onEvent = (event) => {
          if (event.type === 'delta') {
            deltas += 1;
            if (first === 0) first = performance.now() - started;
          } else if (event.type === 'done' || event.type === 'error') {
            resolve(event.message.content.length);
          }
        };
      });
      await chat.send({ text: `benchmark run ${run}`, images: [] });
      replyBytes = await done;
      total.push(performance.now() - started);
      firstDelta.push(first);
      deltaEvents.push(deltas);
      const after = writtenBytes();
      if (before !== undefined && after !== undefined) written.push(after - before);
    }
  } finally {
    await chat.shutdown();
    store.close();
    provider.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const figures: Figure[] = [
    { name: 'stream 100 KB: time to first delta event', ...samples(firstDelta), unit: 'ms', target: 50, better: 'lower' },
    { name: 'stream 100 KB: whole reply saved', ...samples(total), unit: 'ms' },
    { name: 'stream 100 KB: delta events pushed to the window', ...samples(deltaEvents), unit: 'events' },
    { name: 'stream 100 KB: reply size', ...once(replyBytes / 1024), unit: 'KB' },
  ];
  if (written.length > 0) {
    figures.push({ name: 'stream 100 KB: bytes written to disk', ...samples(written.map((w) => w / 1024)), unit: 'KB' });
    figures.push({ name: 'stream 100 KB: write amplification (written / reply)', ...samples(written.map((w) => w / replyBytes)), unit: 'x', target: 4, better: 'lower' });
  }
  return figures;
}
