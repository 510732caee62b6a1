import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import type { Settings } from '../../shared/settings.ts';

/** Where main-side services push events: every Electron window, or every browser-mode socket. */
export interface EventSink {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void;
}

/** Where settings are persisted: electron-store in the desktop app, conf in browser mode. */
export interface SettingsBackend {
  /** The file behind it, for messages. */
  readonly path: string;
  read(): unknown;
  write(settings: Settings): void;
}

/** What a chat request needs from settings and the vault, resolved at send time. */
export interface ChatConfig {
  baseUrl: string;
  model: string;
  stream: boolean;
  temperature?: number;
  topP?: number;
  topK?: number;
  /** undefined when no token is configured. */
  token: string | undefined;
}
