// A large history in a real database: how fast the list and a long conversation load.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationStore } from '../electron/core/store/ConversationStore.ts';
import { once, samples, timed, type Figure } from './measure.ts';

const CONVERSATIONS = 500;
const MESSAGES_EACH = 20;
const LONG_CONVERSATION = 5_000;
const paragraph = 'Parley keeps every word you exchange with the model on your own disk. '.repeat(6);

export async function benchHistory(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const path = join(dir, 'parley.db');
  try {
    const seed = ConversationStore.open(path);
    for (let c = 0; c < CONVERSATIONS; c++) {
      const conversation = seed.createConversation(`Conversation ${c}`);
      for (let m = 0; m < MESSAGES_EACH; m += 2) addExchange(seed, conversation.id, m);
    }
    const long = seed.createConversation('A very long chat');
    for (let m = 0; m < LONG_CONVERSATION; m += 2) addExchange(seed, long.id, m);
    seed.close();

    const open = await timed(() => ConversationStore.open(path));
    const store = open.value;
    const lists: number[] = [];
    const gets: number[] = [];
    let count = 0;
    for (let i = 0; i < 7; i++) {
      lists.push((await timed(() => store.listConversations())).ms);
      const got = await timed(() => store.getConversation(long.id));
      gets.push(got.ms);
      count = got.value?.messages.length ?? 0;
    }
    store.close();
    return [
      { name: `history: open a ${(statSync(path).size / 1024 / 1024).toFixed(0)} MB database`, ...once(open.ms), unit: 'ms', target: 200, better: 'lower' },
      { name: `history: list ${CONVERSATIONS + 1} conversations`, ...samples(lists), unit: 'ms', target: 20, better: 'lower' },
      { name: `history: load a ${count}-message conversation`, ...samples(gets), unit: 'ms', target: 150, better: 'lower' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function addExchange(store: ConversationStore, conversationId: string, index: number): void {
  store.addUserMessage(conversationId, { text: `Question ${index}: ${paragraph}`, images: [] });
  const reply = store.startAssistantMessage(conversationId, 'gpt-5.2');
  store.appendToMessage(reply.id, `Answer ${index}: ${paragraph}${paragraph}`);
  store.finishMessage(reply.id, { status: 'complete', usage: { promptTokens: 50, completionTokens: 120, totalTokens: 170 } });
}
