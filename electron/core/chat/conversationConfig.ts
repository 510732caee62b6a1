import type { ConversationSettings } from '../../../shared/domain.ts';
import type { ChatConfig } from '../ports.ts';

/** What a request needs besides ChatConfig once providers exist: which one, and the proxy to use. */
export interface ProviderExtras {
  /** The saved provider the request goes to (for errors the UI can act on). */
  providerId?: string;
  /** An http(s) proxy for this request, when one applies. */
  proxyUrl?: string;
}

export type ResolvedConfig = ChatConfig & ProviderExtras;

/** Asks for the config of one provider (undefined: the default one). */
export type ConfigSource = (request?: { providerId?: string }) => Promise<ResolvedConfig>;

/** A conversation's own model, sampling and streaming choices over the defaults. */
export function applyConversationSettings<C extends ChatConfig>(config: C, settings: ConversationSettings | undefined): C {
  if (!settings) return config;
  return {
    ...config,
    ...(settings.model === undefined ? {} : { model: settings.model }),
    ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
    ...(settings.topP === undefined ? {} : { topP: settings.topP }),
    ...(settings.topK === undefined ? {} : { topK: settings.topK }),
    ...(settings.stream === undefined ? {} : { stream: settings.stream }),
  };
}
