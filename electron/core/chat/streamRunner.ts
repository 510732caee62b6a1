import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { EventChannel, EventPayload } from '../../../shared/contract/index.ts';
import type { Message, Usage } from '../../../shared/domain.ts';
import { appError, fail, type AppError } from '../../../shared/errors.ts';
import type { EventSink } from '../ports.ts';
import { createClient } from '../providers/openaiClient.ts';
import type { ProxyAgents } from '../providers/proxyAgents.ts';
import type { ChatStore } from '../store/asyncStore.ts';
import type { MessageEnd } from '../store/ConversationStore.ts';
import type { ReadyConfig } from './configCheck.ts';
import { ReasoningTrack } from './reasoningTrack.ts';
import { TextThrottle } from './textThrottle.ts';
import { addUsage } from './usage.ts';
import { hostOf, toAppError } from './providerErrors.ts';
import { readChunk, readCompletion } from './providerPayloads.ts';
import { reportConnectivity, withProvider, type ConnectivityReporter } from './runEnding.ts';
import { buildNonStreamingBody, buildStreamingBody } from './requestBuilder.ts';

export interface StreamJob {
  streamId: string;
  conversationId: string;
  messageId: string;
  createdAt: number;
  config: ReadyConfig;
  messages: ChatCompletionMessageParam[];
  /** Text the message already had (a continued reply); new text is appended to it. */
  initialContent?: string;
  /** Usage of the earlier request(s) for this message, added to this one's. */
  baseUsage?: Usage;
}

export type { ConnectivityReporter } from './runEnding.ts';

export interface StreamDeps {
  store: ChatStore;
  events: EventSink;
  batchIntervalMs: number;
  saveIntervalMs: number;
  saveMaxChars: number;
  requestTimeoutMs: number;
  stallTimeoutMs: number;
  connectivity?: ConnectivityReporter;
  /** Proxy agents shared by every request. */
  agents: ProxyAgents;
  /** Called once the ending is saved, before it is announced: the conversation is free again. */
  onFinished?: () => void;
}


interface TextSink {
  push(text: string): void;
  /** The whole reply at once (not streamed). */
  pushWhole(text: string): void;
  /** Shows what is pending now (before a usage event, so the windows get the text first). */
  show(): void;
}

type StopReason = { kind: 'cancel' } | { kind: 'fail'; error: AppError };

/** One reply from request to saved message. Never rejects: every ending is saved and announced. */
export class StreamRun {
  readonly done: Promise<void>;
  readonly messageId: string;
  readonly conversationId: string;
  readonly #job: StreamJob;
  readonly #deps: StreamDeps;
  readonly #controller = new AbortController();
  readonly #host: string;
  #stop: StopReason | undefined;
  #settled = false;
  /** Text pushed to the windows so far (the database may lag by up to saveIntervalMs). */
  #shown = '';
  #saveFailed = false;
  /** The saves in flight, in order (the store may answer later: a worker). */
  #saving: Promise<void> = Promise.resolve();
  #usage: Usage | undefined;
  /** When the request went out, and how long until the first text came back. */
  #sentAt = 0;
  #timeToFirstTokenMs: number | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #reasoning: ReasoningTrack;

  constructor(job: StreamJob, deps: StreamDeps) {
    this.#job = job;
    this.messageId = job.messageId;
    this.conversationId = job.conversationId;
    this.#deps = deps;
    this.#host = hostOf(job.config.baseUrl);
    this.#reasoning = new ReasoningTrack(deps.batchIntervalMs, (text) => {
      if (this.#stop?.kind !== 'fail') this.#emit('chat:event', { type: 'delta', ...this.#ref(), offset: this.liveContent.length, text: '', reasoning: text });
    });
    this.done = this.#run()
      .catch(() => undefined)
      .finally(() => {
        this.#settled = true;
      });
  }

  /** Stops the reply; what arrived so far is kept as 'stopped'. False when it already ended. */
  cancel(): boolean {
    if (this.#settled || this.#stop) return false;
    this.#stop = { kind: 'cancel' };
    this.#controller.abort();
    return true;
  }

  async #run(): Promise<void> {
    const { saveIntervalMs, saveMaxChars, batchIntervalMs } = this.#deps;
    const saver = new TextThrottle(saveIntervalMs, (text) => this.#save(text), saveMaxChars);
    const shower = new TextThrottle(batchIntervalMs, (text) => this.#show(text));
    const batcher: TextSink = {
      push: (text) => {
        saver.push(text);
        shower.push(text);
      },
      pushWhole: (text) => {
        saver.keep(text);
        shower.push(text);
        shower.flush();
      },
      show: () => shower.flush(),
    };
    let end: MessageEnd;
    try {
      this.#armIdleTimer();
      if (this.#job.config.stream) await this.#streamReply(batcher);
      else await this.#wholeReply(batcher);
      end = this.#endAfterStop() ?? { status: 'complete' };
    } catch (err) {
      const { baseUrl, model, token } = this.#job.config;
      end = this.#endAfterStop() ?? { status: 'error', error: toAppError(err, { baseUrl, model, token }) };
    } finally {
      shower.flush();
      clearTimeout(this.#idleTimer);
    }
    // What is still waiting goes into the finished message itself, not through a chunk row.
    // (After a failed append the rest would not join up with what was saved, so it is dropped.)
    const tail = this.#saveFailed ? '' : saver.take();
    saver.dispose();
    shower.dispose();
    if (tail) end.tail = tail;
    Object.assign(end, this.#reasoning.end());
    const usage = this.#usage ?? this.#job.baseUsage;
    if (usage) end.usage = usage;
    if (this.#timeToFirstTokenMs !== undefined) end.timeToFirstTokenMs = this.#timeToFirstTokenMs;
    end.error &&= withProvider(end.error, this.#job.config);
    await this.#saving;
    await this.#finish(end);
    reportConnectivity(this.#deps.connectivity, end);
  }

  async #client(): Promise<OpenAI> {
    const client = await createClient(this.#job.config, this.#deps.requestTimeoutMs, this.#deps.agents);
    this.#sentAt = performance.now();
    return client;
  }

  #firstText(text: string): void {
    if (text && this.#timeToFirstTokenMs === undefined) this.#timeToFirstTokenMs = Math.round(performance.now() - this.#sentAt);
  }

  async #streamReply(batcher: TextSink): Promise<void> {
    const body = buildStreamingBody(this.#job.config, this.#job.messages);
    const stream = await (await this.#client()).chat.completions.create(body, { signal: this.#controller.signal });
    let recognized = false;
    for await (const chunk of stream as AsyncIterable<unknown>) {
      this.#armIdleTimer();
      const content = readChunk(chunk);
      recognized ||= content.recognized;
      this.#reasoning.model ??= content.model;
      this.#reasoning.push(content.reasoning, content.text);
      this.#firstText(content.text);
      batcher.push(content.text);
      if (content.usage) {
        batcher.show();
        this.#setUsage(content.usage);
      }
    }
    if (!recognized && !this.#stop) {
      fail('bad_response', `${this.#host} ended the stream without sending a reply. Check the API base URL.`);
    }
  }

  async #wholeReply(batcher: TextSink): Promise<void> {
    const body = buildNonStreamingBody(this.#job.config, this.#job.messages);
    const response: unknown = await (await this.#client()).chat.completions.create(body, { signal: this.#controller.signal });
    const completion = readCompletion(response);
    if (!completion) {
      fail('bad_response', `${this.#host} answered with something other than a chat completion. Check the API base URL.`);
    }
    this.#reasoning.model = completion.model;
    this.#reasoning.pushWhole(completion.reasoning);
    this.#firstText(completion.text || ' ');
    batcher.pushWhole(completion.text);
    if (completion.usage) this.#setUsage(completion.usage);
  }

  /** The SDK's timeout ends at the response headers; this one also catches a reply that stalls. */
  #armIdleTimer(): void {
    clearTimeout(this.#idleTimer);
    const seconds = Math.max(1, Math.round(this.#deps.stallTimeoutMs / 1000));
    this.#idleTimer = setTimeout(
      () => this.#abortWith(appError('timeout', `${this.#host} went silent for ${seconds} s, so Parley stopped waiting.`)),
      this.#deps.stallTimeoutMs,
    );
  }

  #abortWith(error: AppError): void {
    this.#stop ??= { kind: 'fail', error };
    this.#controller.abort();
  }

  #endAfterStop(): MessageEnd | undefined {
    if (!this.#stop) return undefined;
    return this.#stop.kind === 'cancel' ? { status: 'stopped' } : { status: 'error', error: this.#stop.error };
  }

  /** One commit: a chunk row appended to the message. */
  #save(text: string): void {
    if (this.#stop?.kind === 'fail') return;
    const onFailure = (err: unknown): void => {
      this.#saveFailed = true;
      this.#abortWith(toAppError(err));
    };
    this.#saving = this.#saving.then(async () => {
      if (this.#saveFailed) return;
      try {
        await this.#deps.store.appendToMessage(this.#job.messageId, text);
      } catch (err) {
        onFailure(err);
      }
    });
  }

  /** The reply as the windows have been sent it so far: ahead of the database by up to saveIntervalMs. */
  get liveContent(): string {
    return (this.#job.initialContent ?? '') + this.#shown;
  }

  /** One UI batch, pushed to the windows with where it starts in the reply, so a window that missed
   *  some (reconnect, reload) or holds a newer snapshot can merge without a gap or a repeat. */
  #show(text: string): void {
    if (this.#stop?.kind === 'fail') return;
    const offset = this.liveContent.length;
    this.#shown += text;
    this.#emit('chat:event', { type: 'delta', ...this.#ref(), offset, text });
  }

  #setUsage(usage: Usage): void {
    this.#usage = addUsage(this.#job.baseUsage, usage);
    this.#emit('chat:event', { type: 'usage', ...this.#ref(), usage: this.#usage });
  }

  async #finish(end: MessageEnd): Promise<void> {
    let message: Message;
    let totals: Usage | undefined;
    try {
      message = await this.#deps.store.finishMessage(this.#job.messageId, end);
      totals = await Promise.resolve(this.#deps.store.totals(this.#job.conversationId)).catch(() => undefined);
    } catch (err) {
      const error = toAppError(err);
      end = { status: 'error', error };
      message = this.#unsavedMessage(error);
    }
    this.#deps.onFinished?.();
    if (end.status === 'error') {
      const error = end.error ?? appError('internal', 'The reply failed.');
      this.#emit('chat:event', { type: 'error', ...this.#ref(), error, message, ...(totals ? { totals } : {}) });
    } else {
      this.#emit('chat:event', { type: 'done', ...this.#ref(), status: end.status, message, ...(totals ? { totals } : {}) });
    }
    this.#emit('conversations:changed', { conversationId: this.#job.conversationId });
  }

  /** What the windows are told when even saving the ending failed. */
  #unsavedMessage(error: AppError): Message {
    const { messageId, conversationId, createdAt, config } = this.#job;
    const content = (this.#job.initialContent ?? '') + this.#shown;
    return { id: messageId, conversationId, role: 'assistant', content, images: [], status: 'error', error, model: config.model, createdAt };
  }

  #ref(): { streamId: string; conversationId: string; messageId: string } {
    const { streamId, conversationId, messageId } = this.#job;
    return { streamId, conversationId, messageId };
  }

  #emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    try {
      this.#deps.events.emit(channel, payload);
    } catch {
      // A window that went away must not break the reply; the database has it.
    }
  }
}
