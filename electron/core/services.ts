import { join } from 'node:path';
import type { Notice } from '../../shared/contract/app.ts';
import type { Result } from '../../shared/errors.ts';
import type { Settings } from '../../shared/settings.ts';
import { createDispatch } from './api/dispatch.ts';
import { createHandlers } from './api/handlers.ts';
import { ChatService } from './chat/ChatService.ts';
import type { ConfigSource } from './chat/conversationConfig.ts';
import { ConnectivityMonitor } from './connectivity/ConnectivityMonitor.ts';
import { DraftStore } from './drafts/DraftStore.ts';
import type { EventSink, SettingsBackend } from './ports.ts';
import { ProviderInfo } from './providers/ProviderInfo.ts';
import { ProviderRegistry } from './providers/ProviderRegistry.ts';
import { proxyFor } from './providers/proxy.ts';
import { ProxyAgents } from './providers/proxyAgents.ts';
import { browserModeShell, type DesktopShell } from './quickPrompt/shell.ts';
import { openSettings } from './settings/openSettings.ts';
import { ConversationMeta } from './store/conversationMeta.ts';
import { ConversationStore } from './store/ConversationStore.ts';
import { TrashService } from './store/trash.ts';
import { SearchService } from './search/SearchService.ts';
import { TitleService } from './titles/TitleService.ts';
import { TransferService } from './transfer/TransferService.ts';
import { TokenVault, type KeychainLoader } from './vault/TokenVault.ts';

export interface ServicesOptions {
  dataDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  env: NodeJS.ProcessEnv;
  settingsBackend: (filePath: string) => SettingsBackend;
  keychain: KeychainLoader;
  events: EventSink;
  /** The desktop app's windows and global shortcut; browser mode leaves it out. */
  shell?: DesktopShell;
}

export interface Services {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  notices: Notice[];
  /** The saved settings as they are now (main reads the shortcut and close-to-tray from them). */
  currentSettings(): Settings;
  close(): Promise<void>;
}

export const SETTINGS_FILE = 'settings.json';
export const DATABASE_FILE = 'parley.db';

/** The composition root shared by the desktop app and browser mode. */
export async function createServices(options: ServicesOptions): Promise<Services> {
  const { dataDir, env, events } = options;
  const settings = openSettings({ filePath: join(dataDir, SETTINGS_FILE), createBackend: options.settingsBackend, env });
  const store = ConversationStore.open(join(dataDir, DATABASE_FILE));
  const recovered = store.recoverInterrupted();
  const trash = new TrashService(store.db, events);
  try {
    trash.purgeExpired();
  } catch {
    // Emptying old trash must never stop Parley from starting; the next start tries again.
  }
  const drafts = new DraftStore(store.db);
  const vault = await TokenVault.create({
    loadKeychain: options.keychain,
    envToken: nonEmpty(env.PARLEY_API_TOKEN),
    // Lets tests (and side-by-side installs) use their own keychain entry instead of the user's.
    service: nonEmpty(env.PARLEY_KEYCHAIN_SERVICE),
  });

  const providers = new ProviderRegistry(settings, vault);
  const meta = new ConversationMeta(store.db, events, (id, page) => store.getConversation(id, page), (id) => providers.exists(id));
  const agents = new ProxyAgents();
  // The proxy setting, else HTTPS_PROXY / HTTP_PROXY (with NO_PROXY), looked up per request.
  const proxyForUrl = (url: string): string | undefined => proxyFor(url, settings.current().proxyUrl, env);

  const getConfig: ConfigSource = async (request) => {
    const current = settings.current();
    const target = await providers.target(request?.providerId);
    return {
      baseUrl: target.baseUrl,
      model: current.model,
      stream: current.stream,
      temperature: current.temperature,
      topP: current.topP,
      topK: current.topK,
      token: target.token,
      providerId: target.providerId,
      proxyUrl: proxyForUrl(target.baseUrl),
    };
  };
  const proxiedFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    return agents.fetch(proxyForUrl(url), url, init);
  };
  const connectivity = new ConnectivityMonitor({ events, getTarget: () => getConfig(), fetch: proxiedFetch as typeof fetch });
  const titles = new TitleService({ store, meta, agents });
  const chat = new ChatService({ store, getConfig, events, drafts, connectivity, titles, agents });

  const notices: Notice[] = [...settings.notices, ...store.notices];
  if (recovered > 0) {
    notices.push({
      id: 'interrupted-replies',
      level: 'info',
      message: `${recovered} ${recovered === 1 ? 'reply was' : 'replies were'} cut off when Parley last closed; what had arrived is kept.`,
    });
  }

  const dispatch = createDispatch(
    createHandlers({
      mode: options.mode,
      version: options.version,
      dataDir,
      notices,
      store,
      meta,
      chat,
      settings,
      providers,
      providerInfo: new ProviderInfo({ providers, agents, proxyFor: proxyForUrl }),
      search: new SearchService(store.db),
      trash,
      transfer: new TransferService(store, events, options.version),
      drafts,
      connectivity,
      shell: options.shell ?? browserModeShell(() => settings.current()),
    }),
  );

  let closed = false;
  return {
    dispatch,
    notices,
    currentSettings: () => settings.current(),
    async close() {
      if (closed) return;
      closed = true;
      connectivity.close();
      await chat.shutdown();
      await agents.close();
      store.close();
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
