import type { z } from 'zod';
import { appCalls, appEvents } from './app.ts';
import { authCalls, authEvents } from './auth.ts';
import { chatCalls, chatEvents } from './chat.ts';
import { conversationCalls, conversationEvents } from './conversations.ts';
import { settingsCalls, settingsEvents } from './settings.ts';
import { quickCalls, quickEvents } from './quick.ts';
import { connectivityCalls, connectivityEvents } from './connectivity.ts';
import { draftCalls, draftEvents } from './drafts.ts';
import { providerCalls, providerEvents } from './providers.ts';

/** Every call between a window and main: channel `domain:verb` → input and output schemas. */
export const calls = {
  ...appCalls,
  ...authCalls,
  ...chatCalls,
  ...conversationCalls,
  ...settingsCalls,
  ...quickCalls,
  ...connectivityCalls,
  ...draftCalls,
  ...providerCalls,
} as const;

/** Every push event from main to the windows: channel `domain:event` → payload schema. */
export const events = {
  ...appEvents,
  ...authEvents,
  ...chatEvents,
  ...conversationEvents,
  ...settingsEvents,
  ...quickEvents,
  ...connectivityEvents,
  ...draftEvents,
  ...providerEvents,
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallChannel = keyof Calls;
export type EventChannel = keyof Events;
export type CallInput<C extends CallChannel> = z.input<Calls[C]['input']>;
/** The input after its schema parsed it (defaults applied): what handlers receive. */
export type ParsedCallInput<C extends CallChannel> = z.output<Calls[C]['input']>;
export type CallOutput<C extends CallChannel> = z.output<Calls[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<Events[E]>;

export { callChannels, eventChannels } from './channels.ts';
export * from './api.ts';
