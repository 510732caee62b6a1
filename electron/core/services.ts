import { join } from 'node:path';
import type { Notice } from '../../shared/contract/app.ts';
import type { Result } from '../../shared/errors.ts';
import type { Settings } from '../../shared/settings.ts';
import { createDispatch } from './api/dispatch.ts';
import { createHandlers } from './api/handlers.ts';
import { ChatService } from './chat/ChatService.ts';
import type { ConfigSource } from './chat/conversationConfig.ts';
import { newImageSecret } from './browserMode/imageCapability.ts';
import { ConnectivityMonitor } from './connectivity/ConnectivityMonitor.ts';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import type { EventSink, SettingsBackend } from './ports.ts';
import { ProviderInfo } from './providers/ProviderInfo.ts';
import { securePrivateDir } from './privateFiles.ts';
import { ProviderRegistry } from './providers/ProviderRegistry.ts';
import { TokenBinding, type ConfirmTokenMove } from './providers/tokenBinding.ts';
import { proxyFor } from './providers/proxy.ts';
import { ProxyAgents } from './providers/proxyAgents.ts';
import { browserModeShell, type DesktopShell } from './quickPrompt/shell.ts';
import { openSettings } from './settings/openSettings.ts';
import { StoreClient, type RemoteStore } from './storeWorker/client.ts';
import { TitleService } from './titles/TitleService.ts';
import { TransferStarter, type TransferDialogs } from './transfer/transferStarter.ts';
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
  /** The desktop app's own question before a stored token goes to another host (a native dialog);
   *  without it the caller must say keepToken. */
  confirmTokenMove?: ConfirmTokenMove;
  /** The desktop's save and open dialogs for streamed export and import; browser mode uses URLs. */
  transferDialogs?: TransferDialogs;
}

/** What browser mode's HTTP routes need beside the calls: images by capability URL, transfers by
 *  one-time URL. */
export interface BrowserData {
  imageSecret: string;
  readImage(id: string): Promise<{ mimeType: string; data: Uint8Array } | undefined>;
  transfers: TransferStarter;
}

export interface Services {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  notices: Notice[];
  /** The saved settings as they are now (main reads the shortcut and close-to-tray from them). */
  currentSettings(): Settings;
  /** An image's bytes, for the desktop's parley-image: protocol. */
  readImage(id: string): Promise<{ mimeType: string; data: Uint8Array } | undefined>;
  /** Browser mode only. */
  browserData?: BrowserData;
  /** The store worker (tests reach it to crash it). */
  storeClient: StoreClient;
  close(): Promise<void>;
}

export const SETTINGS_FILE = 'settings.json';
export const DATABASE_FILE = 'parley.db';

/** The composition root shared by the desktop app and browser mode. */
export async function createServices(options: ServicesOptions): Promise<Services> {
  const { dataDir, env, events } = options;
  // Before anything is written: the folder 0700, files left 0644 by older versions back to 0600.
  securePrivateDir(dataDir);
  const settings = openSettings({ filePath: join(dataDir, SETTINGS_FILE), createBackend: options.settingsBackend, env });
  const notices: Notice[] = [...settings.notices];
  const imageSecret = newImageSecret();
  // The database lives on a thread of its own; this thread only routes calls and events.
  const storeClient = await StoreClient.start({
    dbPath: join(dataDir, DATABASE_FILE),
    appVersion: options.version,
    images: options.mode === 'browser' ? { kind: 'signed', secret: imageSecret } : { kind: 'protocol' },
    events: withChangedRows(events, () => storeClient.api),
    logger: console,
    onRestart: (notice) => {
      notices.push(notice);
      events.emit('app:notice', notice);
    },
  });
  const store = storeClient.api;
  const recovered = storeClient.recovered;
  // Again once the database is open: its -wal/-shm and any upgrade backup were just created.
  securePrivateDir(dataDir);
  const vault = await TokenVault.create({
    loadKeychain: options.keychain,
    envToken: nonEmpty(env.PARLEY_API_TOKEN),
    // Lets tests (and side-by-side installs) use their own keychain entry instead of the user's.
    service: nonEmpty(env.PARLEY_KEYCHAIN_SERVICE),
  });

  const providers = new ProviderRegistry(settings, vault);
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
  const titles = new TitleService({ store, meta: store, agents });
  const drafts = { clear: (key: string) => store.clearDraft(key) };
  const chat = new ChatService({ store, getConfig, events, drafts, connectivity, titles, agents });
  const transfers = new TransferStarter(store, dataDir, options.transferDialogs);

  notices.push(...storeClient.notices);
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
      chat,
      settings,
      providers,
      tokenBinding: new TokenBinding({ providers, settings, ...(options.confirmTokenMove ? { confirm: options.confirmTokenMove } : {}) }),
      providerInfo: new ProviderInfo({ providers, agents, proxyFor: proxyForUrl }),
      transfers,
      connectivity,
      shell: options.shell ?? browserModeShell(() => settings.current()),
    }),
  );

  let closed = false;
  return {
    dispatch,
    notices,
    currentSettings: () => settings.current(),
    readImage: (id) => store.readImage(id),
    ...(options.mode === 'browser' ? { browserData: { imageSecret, readImage: (id: string) => store.readImage(id), transfers } } : {}),
    storeClient,
    async close() {
      if (closed) return;
      closed = true;
      connectivity.close();
      await chat.shutdown();
      await agents.close();
      await storeClient.close();
    },
  };
}

/** conversations:changed events that carry only an id (a reply started or ended) gain the row, so
 *  the sidebar updates it without re-listing. */
function withChangedRows(events: EventSink, store: () => RemoteStore): EventSink {
  return {
    emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
      const changed = payload as EventPayload<'conversations:changed'>;
      if (channel !== 'conversations:changed' || !changed.conversationId || changed.summary || changed.removed) {
        events.emit(channel, payload);
        return;
      }
      const { conversationId } = changed;
      void store()
        .getSummary(conversationId)
        .catch(() => undefined)
        .then((summary) => {
          const removed = !summary || summary.deletedAt !== undefined;
          events.emit('conversations:changed', { ...changed, ...(summary ? { summary } : {}), ...(removed ? { removed } : {}) });
        });
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
