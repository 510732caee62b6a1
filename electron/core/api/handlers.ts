import type { Notice } from '../../../shared/contract/app.ts';
import { fail } from '../../../shared/errors.ts';
import type { ChatService } from '../chat/ChatService.ts';
import type { ConnectivityMonitor } from '../connectivity/ConnectivityMonitor.ts';
import type { DraftStore } from '../drafts/DraftStore.ts';
import type { SearchService } from '../search/SearchService.ts';
import type { TrashService } from '../store/trash.ts';
import type { TransferService } from '../transfer/TransferService.ts';
import { createQuickHandlers } from '../quickPrompt/handlers.ts';
import type { DesktopShell } from '../quickPrompt/shell.ts';
import type { ProviderInfo } from '../providers/ProviderInfo.ts';
import type { ProviderRegistry } from '../providers/ProviderRegistry.ts';
import type { SettingsService } from '../settings/SettingsService.ts';
import type { ConversationMeta } from '../store/conversationMeta.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import type { Handlers } from './dispatch.ts';

export interface HandlerDeps {
  mode: 'desktop' | 'browser';
  version: string;
  dataDir: string;
  notices: Notice[];
  store: ConversationStore;
  meta: ConversationMeta;
  chat: ChatService;
  settings: SettingsService;
  /** The saved providers and their tokens. */
  providers: ProviderRegistry;
  providerInfo: ProviderInfo;
  search: SearchService;
  trash: TrashService;
  transfer: TransferService;
  drafts: DraftStore;
  connectivity: ConnectivityMonitor;
  /** The windows and global shortcut around the services (browser mode: browserModeShell). */
  shell: DesktopShell;
}

/** Maps every call of the contract onto the services; no business logic lives here. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, meta, chat, settings, providers, notices } = deps;
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
    'chat:send': (input) => chat.send(input),
    'chat:cancel': ({ streamId }) => ({ cancelled: chat.cancel(streamId) }),
    'chat:continue': (input) => chat.continue(input),
    'chat:regenerate': (input) => chat.regenerate(input),
    'chat:edit': (input) => chat.edit(input),
    'app:connectivity': (input) => deps.connectivity.current(input?.recheck ?? false),
    'drafts:get': ({ conversationId }) => deps.drafts.get(conversationId),
    'drafts:set': ({ conversationId, text }) => deps.drafts.set(conversationId, text),
    'conversations:search': ({ query, limit, offset }) => deps.search.searchPage(query, limit, offset),
    'conversations:delete': ({ id }) => deps.trash.moveToTrash(id),
    'conversations:trash': () => deps.trash.list(),
    'conversations:restore': ({ id }) => deps.trash.restore(id),
    'conversations:purge': ({ id }) => ({ purged: deps.trash.purge(id) }),
    'conversations:emptyTrash': () => ({ purged: deps.trash.empty() }),
    'conversations:export': (input) => deps.transfer.export(input),
    'conversations:import': (input) => deps.transfer.import(input),
    'conversations:list': () => store.listConversations(),
    'conversations:create': (input) => store.createConversation(input?.title, input?.source),
    'conversations:get': ({ id, limit, around }) =>
      store.getConversation(id, { limit, ...(around ? { around } : {}) }) ?? fail('not_found_local', 'That conversation no longer exists.'),
    'conversations:page': ({ id, before, after, limit }) => store.getPage(id, { ...(before ? { before } : {}), ...(after ? { after } : {}) }, limit),
    'conversations:exportFile': () => fail('internal', 'Streamed export is not ready yet.'),
    'conversations:importFile': () => fail('internal', 'Streamed import is not ready yet.'),
    'conversations:cancelTransfer': () => ({ cancelled: false }),
    'conversations:rename': ({ id, title }) => meta.rename(id, title),
    'conversations:pin': ({ id, pinned }) => meta.pin(id, pinned),
    'conversations:updateSettings': ({ id, ...patch }) => meta.updateSettings(id, patch),
    'conversations:selectBranch': ({ messageId, limit }) => meta.selectBranch(messageId, limit),
    'providers:list': () => providers.list(),
    'providers:save': (input) => providers.save(input),
    'providers:delete': ({ id }) => providers.delete(id),
    'providers:setDefault': ({ id }) => providers.setDefault(id),
    'providers:models': (input) => deps.providerInfo.models(input?.providerId),
    'providers:credits': (input) => deps.providerInfo.credits(input?.providerId),
    'settings:get': () => settings.view(),
    'settings:update': (patch) => {
      const view = settings.update(patch);
      deps.shell.settingsChanged(view.settings);
      return view;
    },
    ...createQuickHandlers(deps.shell, store),
  };
}
