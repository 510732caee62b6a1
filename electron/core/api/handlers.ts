import type { Notice } from '../../../shared/contract/app.ts';
import { fail } from '../../../shared/errors.ts';
import type { ChatService } from '../chat/ChatService.ts';
import { withLiveText } from '../chat/liveText.ts';
import type { ConnectivityMonitor } from '../connectivity/ConnectivityMonitor.ts';
import type { RemoteStore } from '../storeWorker/client.ts';
import type { TransferStarter } from '../transfer/transferStarter.ts';
import { createQuickHandlers } from '../quickPrompt/handlers.ts';
import type { DesktopShell } from '../quickPrompt/shell.ts';
import type { ProviderInfo } from '../providers/ProviderInfo.ts';
import type { ProviderRegistry } from '../providers/ProviderRegistry.ts';
import type { TokenBinding } from '../providers/tokenBinding.ts';
import type { SettingsService } from '../settings/SettingsService.ts';
import type { Handlers } from './dispatch.ts';

export interface HandlerDeps {
  mode: 'desktop' | 'browser';
  version: string;
  dataDir: string;
  notices: Notice[];
  /** The store worker's functions (conversations, titles, branches, search, trash, drafts, transfer). */
  store: RemoteStore;
  chat: ChatService;
  settings: SettingsService;
  /** The saved providers and their tokens. */
  providers: ProviderRegistry;
  /** Asks before a stored token would go to another host. */
  tokenBinding: TokenBinding;
  providerInfo: ProviderInfo;
  /** Streamed export and import: the dialog or one-time URL, then the worker. */
  transfers: TransferStarter;
  connectivity: ConnectivityMonitor;
  /** The windows and global shortcut around the services (browser mode: browserModeShell). */
  shell: DesktopShell;
}

/** Maps every call of the contract onto the services; no business logic lives here. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, chat, settings, providers, notices } = deps;
  return {
    'app:info': () => ({ name: 'Parley', version: deps.version, mode: deps.mode, dataDir: deps.dataDir, notices: [...notices] }),
    'app:dismissNotice': ({ id }) => {
      const index = notices.findIndex((n) => n.id === id);
      if (index >= 0) notices.splice(index, 1);
      return { dismissed: index >= 0 };
    },
    'auth:status': (input) => providers.status(input?.providerId),
    'auth:setToken': ({ token, storage, providerId }) => providers.setToken(token, storage, providerId),
    'auth:clearToken': (input) => providers.clearToken(input?.providerId),
    'auth:checkToken': ({ token, providerId }) => deps.providerInfo.checkToken(token, providerId),
    'chat:send': (input) => chat.send(input),
    'chat:cancel': ({ streamId }) => ({ cancelled: chat.cancel(streamId) }),
    'chat:continue': (input) => chat.continue(input),
    'chat:regenerate': (input) => chat.regenerate(input),
    'chat:edit': (input) => chat.edit(input),
    'app:connectivity': (input) => deps.connectivity.current(input?.recheck ?? false),
    'drafts:get': ({ conversationId }) => store.getDraft(conversationId),
    'drafts:set': ({ conversationId, text }) => store.setDraft(conversationId, text),
    'conversations:search': ({ query, limit, offset }) => store.searchPage(query, limit, offset),
    'conversations:delete': ({ id }) => store.moveToTrash(id),
    'conversations:trash': () => store.trashList(),
    'conversations:restore': ({ id }) => store.restore(id),
    'conversations:purge': async ({ id }) => ({ purged: await store.purge(id) }),
    'conversations:emptyTrash': async () => ({ purged: await store.emptyTrash() }),
    'conversations:export': (input) => store.exportContent(input),
    'conversations:import': (input) => store.importContent(input),
    'conversations:exportFile': (input) => deps.transfers.startExport(input),
    'conversations:importFile': () => deps.transfers.startImport(),
    'conversations:cancelTransfer': async ({ jobId }) => ({ cancelled: await store.cancelTransfer(jobId) }),
    'conversations:list': () => store.listConversations(),
    'conversations:create': (input) => store.createConversation(input?.title, input?.source),
    'conversations:get': async ({ id, limit, around }) =>
      withLiveText((await store.getConversation(id, { limit, ...(around ? { around } : {}) })) ?? fail('not_found_local', 'That conversation no longer exists.'), chat),
    'conversations:page': ({ id, before, after, limit }) => store.getPage(id, { ...(before ? { before } : {}), ...(after ? { after } : {}) }, limit),
    'conversations:rename': ({ id, title }) => store.rename(id, title),
    'conversations:pin': ({ id, pinned }) => store.pin(id, pinned),
    'conversations:updateSettings': ({ id, ...patch }) => {
      // A conversation may only choose a saved provider (the providers live on this thread).
      if (typeof patch.providerId === 'string' && !providers.exists(patch.providerId)) {
        fail('invalid_input', 'That provider no longer exists. Choose one from the list.');
      }
      return store.updateSettings(id, patch).then((page) => withLiveText(page, chat));
    },
    'conversations:selectBranch': async ({ messageId, limit }) => withLiveText(await store.selectBranch(messageId, limit), chat),
    'providers:list': () => providers.list(),
    'providers:save': async (input) => {
      await deps.tokenBinding.beforeProviderSave(input);
      return providers.save(input);
    },
    'providers:delete': ({ id }) => providers.delete(id),
    'providers:setDefault': ({ id }) => providers.setDefault(id),
    'providers:models': (input) => deps.providerInfo.models(input?.providerId),
    'providers:credits': (input) => deps.providerInfo.credits(input?.providerId),
    'providers:test': ({ id }) => deps.providerInfo.testConnection(id),
    'settings:get': () => settings.view(),
    'settings:update': async ({ keepToken, ...patch }) => {
      await deps.tokenBinding.beforeSettingsUpdate(patch, keepToken);
      const view = settings.update(patch);
      deps.shell.settingsChanged(view.settings);
      return view;
    },
    ...createQuickHandlers(deps.shell, store),
  };
}
