import type { ReadyConfig } from '../chat/configCheck.ts';
import { readCompletion } from '../chat/providerPayloads.ts';
import { createClient } from '../providers/openaiClient.ts';
import type { ProxyAgents } from '../providers/proxyAgents.ts';
import type { ConversationMeta } from '../store/conversationMeta.ts';
import type { AsyncAware } from '../store/asyncStore.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import { cleanTitle, titleRequestMessages } from './titlePrompt.ts';

export interface TitleServiceDeps {
  store: AsyncAware<Pick<ConversationStore, 'getMessage' | 'historyTo'>>;
  meta: AsyncAware<Pick<ConversationMeta, 'titleSource' | 'setGeneratedTitle'>>;
  agents: ProxyAgents;
  /** How long the title request may take (default 30 s). */
  timeoutMs?: number;
}

/** Names a conversation after its first exchange with one short extra request. It never holds up or
 *  fails the chat: until it answers, and whenever it fails, the first words of the message stay the
 *  title. A title the user chose is never replaced. */
export class TitleService {
  readonly #deps: TitleServiceDeps;
  readonly #pending = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(deps: TitleServiceDeps) {
    this.#deps = deps;
  }

  /** Called when a reply ended; asks for a title only after the first exchange ended well. */
  afterReply(conversationId: string, replyId: string, config: ReadyConfig): void {
    if (this.#pending.has(conversationId)) return;
    const controller = new AbortController();
    const done = this.#firstExchange(conversationId, replyId)
      .then((question) => (question && !controller.signal.aborted ? this.#generate(conversationId, question, controller.signal, config) : undefined))
      .catch(() => undefined)
      .finally(() => this.#pending.delete(conversationId));
    this.#pending.set(conversationId, { controller, done });
  }

  /** Resolves once no title request is in flight. */
  async whenIdle(): Promise<void> {
    await Promise.all([...this.#pending.values()].map((p) => p.done));
  }

  /** Stops the requests in flight and waits for them, so nothing writes after the store closes. */
  async shutdown(): Promise<void> {
    const pending = [...this.#pending.values()];
    for (const { controller } of pending) controller.abort();
    await Promise.all(pending.map((p) => p.done));
  }

  /** The exchange to title: a completed reply to the conversation's only user message so far, in a
   *  conversation whose title nobody chose. */
  async #firstExchange(conversationId: string, replyId: string): Promise<{ text: string; images: number; answer: string } | undefined> {
    try {
      const source = await this.#deps.meta.titleSource(conversationId);
      if (source !== 'default' && source !== 'auto') return undefined;
      const reply = await this.#deps.store.getMessage(replyId);
      if (!reply || reply.role !== 'assistant' || reply.status !== 'complete' || !reply.content.trim()) return undefined;
      const history = await this.#deps.store.historyTo(replyId);
      const users = history.filter((m) => m.role === 'user');
      if (users.length !== 1) return undefined;
      return { text: users[0]!.content, images: users[0]!.images.length, answer: reply.content };
    } catch {
      return undefined;
    }
  }

  async #generate(
    conversationId: string,
    exchange: { text: string; images: number; answer: string },
    signal: AbortSignal,
    config: ReadyConfig,
  ): Promise<void> {
    const client = await createClient(config, this.#deps.timeoutMs ?? 30_000, this.#deps.agents);
    const response: unknown = await client.chat.completions.create(
      { model: config.model, messages: titleRequestMessages(exchange.text, exchange.answer, exchange.images), stream: false },
      { signal },
    );
    const title = cleanTitle(readCompletion(response)?.text ?? '');
    if (title && !signal.aborted) await this.#deps.meta.setGeneratedTitle(conversationId, title);
  }
}
