// The setup most chat tests share: a temp dir with a real SQLite store, the fake provider, a
// ChatService and a sink that records what it pushes, plus the composition-root equivalent.
import path from 'node:path';
import { ChatEventSchema, type ChatEvent } from '../../shared/contract/chat.ts';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import { AppErrorException, type AppError } from '../../shared/errors.ts';
import { ChatService, type ChatServiceDeps } from '../../electron/core/chat/ChatService.ts';
import type { ChatConfig, EventSink } from '../../electron/core/ports.ts';
import { createServices, type Services, type ServicesOptions } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { startFakeProvider, type FakeProvider } from './fakeProvider.ts';
import { makeTempDir, removeTempDir } from './tempDir.ts';

const isEnd = (event: ChatEvent): boolean => event.type === 'done' || event.type === 'error';

/** Records chat events (checked against the contract) and conversation changes; lets a test wait for one. */
export class ChatEvents implements EventSink {
  readonly chat: ChatEvent[] = [];
  /** The conversation id of each conversations:changed event. */
  readonly changed: (string | undefined)[] = [];
  readonly #wakers = new Set<() => void>();

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    if (channel === 'chat:event') this.chat.push(ChatEventSchema.parse(payload));
    if (channel === 'conversations:changed') this.changed.push((payload as { conversationId?: string }).conversationId);
    for (const wake of this.#wakers) wake();
  }

  waitFor(predicate: (event: ChatEvent) => boolean): Promise<ChatEvent> {
    return new Promise((resolve) => {
      const check = (): void => {
        const found = this.chat.find(predicate);
        if (!found) return;
        this.#wakers.delete(check);
        resolve(found);
      };
      this.#wakers.add(check);
      check();
    });
  }

  /** The `done` or `error` event of a stream, once it came. */
  end(streamId: string): Promise<ChatEvent> {
    return this.waitFor((e) => e.streamId === streamId && isEnd(e));
  }

  /** The `done` or `error` event of a stream if it came already. */
  ended(streamId: string): ChatEvent | undefined {
    return this.chat.find((e) => e.streamId === streamId && isEnd(e));
  }

  /** Every `done` and `error` event so far. */
  ends(): ChatEvent[] {
    return this.chat.filter(isEnd);
  }

  of(streamId: string): ChatEvent[] {
    return this.chat.filter((e) => e.streamId === streamId);
  }
}

/** The error code a call rejects with, or 'no error' when it succeeds. */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppErrorException) return err.error.code;
    throw err;
  }
  return 'no error';
}

export interface ChatHarnessOptions {
  /** Names the temp dir (parley-<name>-…). */
  name: string;
  token?: string;
  model?: string;
  /** More ChatService deps (titles, agents, timeouts), built once the store and sink exist. */
  deps?: (parts: { store: ConversationStore; events: ChatEvents }) => Partial<ChatServiceDeps>;
}

export interface ChatHarness {
  readonly dir: string;
  readonly dbPath: string;
  /** Replaceable, e.g. by a reopened store; close() closes whichever is here. */
  store: ConversationStore;
  readonly fake: FakeProvider;
  readonly events: ChatEvents;
  /** What every ChatService here reads at send time; tests may replace it. */
  config: ChatConfig;
  readonly chat: ChatService;
  /** Another ChatService on the same store, sink and config (shut down by close()). */
  startChat(deps?: Partial<ChatServiceDeps>): ChatService;
  waitForEnd(streamId: string): Promise<ChatEvent>;
  close(): Promise<void>;
}

export async function createChatHarness(options: ChatHarnessOptions): Promise<ChatHarness> {
  const dir = makeTempDir(options.name);
  const dbPath = path.join(dir, 'parley.db');
  const store = ConversationStore.open(dbPath);
  const fake = await startFakeProvider();
  const events = new ChatEvents();
  const extra = options.deps?.({ store, events }) ?? {};
  const chats: ChatService[] = [];
  const harness: ChatHarness = {
    dir,
    dbPath,
    store,
    fake,
    events,
    config: { baseUrl: fake.baseUrl, model: options.model ?? 'gpt-5.2', stream: true, token: options.token ?? 'sk-test-token' },
    get chat() {
      return chats[0]!;
    },
    startChat(deps = {}) {
      const chat = new ChatService({ store: harness.store, events, getConfig: async () => harness.config, ...extra, ...deps });
      chats.push(chat);
      return chat;
    },
    waitForEnd: (streamId) => events.end(streamId),
    async close() {
      for (const chat of chats) await chat.shutdown();
      await fake.close();
      harness.store.close();
      removeTempDir(dir);
    },
  };
  harness.startChat();
  return harness;
}

export interface ServicesHarnessOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  version?: string;
  /** Default: no keychain (the env token is used). */
  keychain?: ServicesOptions['keychain'];
  /** Sees every event too (after the harness recorded it). */
  events?: EventSink;
}

/** The composition root, called the way the renderer calls it. */
export interface ServicesHarness {
  readonly services: Services;
  readonly events: ChatEvents;
  /** Answers the value or throws the error; a call that starts a reply resolves once the reply ended. */
  call: <T>(channel: string, input?: unknown) => Promise<T>;
  /** The error a call answers with (throws when it succeeds). */
  refused: (channel: string, input?: unknown) => Promise<AppError>;
}

export async function openServices(options: ServicesHarnessOptions): Promise<ServicesHarness> {
  const events = new ChatEvents();
  const services = await createServices({
    mode: 'browser',
    dataDir: options.dataDir,
    version: options.version ?? '0.0.0-test',
    env: options.env,
    settingsBackend: createConfBackend,
    keychain: options.keychain ?? (() => Promise.reject(new Error('no keychain in this test'))),
    events: {
      emit<E extends EventChannel>(channel: E, payload: EventPayload<E>) {
        events.emit(channel, payload);
        options.events?.emit(channel, payload);
      },
    },
  });
  return {
    services,
    events,
    call: async <T,>(channel: string, input?: unknown): Promise<T> => {
      const result = await services.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      const streamId = (result.value as { streamId?: string }).streamId;
      if (streamId) await events.end(streamId);
      return result.value as T;
    },
    refused: async (channel, input) => {
      const result = await services.dispatch(channel, input);
      if (result.ok) throw new Error(`${channel} was expected to fail`);
      return result.error;
    },
  };
}
