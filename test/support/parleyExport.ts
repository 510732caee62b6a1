// Parley JSON exports (format version 1: each conversation one chain, oldest first) built in memory,
// for seeding tests and benchmarks through the product's own import.

export interface SeedMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  createdAt: number;
}

export interface SeedConversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  pinned?: boolean;
  messages: SeedMessage[];
}

const REPLY = ['Here is what I found:', '', '- **first**, the short answer;', '- *second*, a longer one with `inline code`.'].join('\n');

/** A conversation of `count` messages, questions and answers in turn, a minute apart, ending at `end`. */
export function longConversation(id: string, title: string, count: number, end = Date.now()): SeedConversation {
  const messages: SeedMessage[] = [];
  for (let i = 0; i < count; i++) {
    const user = i % 2 === 0;
    messages.push({
      id: `${id}-m${i}`,
      role: user ? 'user' : 'assistant',
      content: user ? `Question ${i / 2}: what do you think about item ${i / 2}?` : `Answer ${(i - 1) / 2}. ${REPLY}`,
      createdAt: end - (count - i) * 60_000,
    });
  }
  return { id, title, createdAt: end - count * 60_000, updatedAt: end, messages };
}

/** `count` short conversations whose last activity is spread back over `days` days from `now`. */
export function manyConversations(count: number, days: number, now = Date.now()): SeedConversation[] {
  return Array.from({ length: count }, (_, i) => {
    const updatedAt = Math.round(now - (i / Math.max(1, count - 1)) * days * 24 * 60 * 60_000) - 1_000;
    const id = `conv-${i}`;
    return {
      id,
      title: `Conversation ${i}`,
      createdAt: updatedAt - 60_000,
      updatedAt,
      messages: [
        { id: `${id}-q`, role: 'user', content: `Question number ${i}`, createdAt: updatedAt - 60_000 },
        { id: `${id}-a`, role: 'assistant', content: `Answer number ${i}`, createdAt: updatedAt },
      ],
    };
  });
}

export function parleyExport(conversations: SeedConversation[]): string {
  return JSON.stringify({
    format: 'parley-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    conversations: conversations.map((c) => ({ ...c, messages: c.messages.map((m) => ({ ...m, images: [], status: 'complete' })) })),
  });
}
