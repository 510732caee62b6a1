import type { Notice } from '../../../shared/contract/app.ts';
import { fail } from '../../../shared/errors.ts';
import type { ChatService } from '../chat/ChatService.ts';
import type { SettingsService } from '../settings/SettingsService.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import type { TokenVault } from '../vault/TokenVault.ts';
import type { Handlers } from './dispatch.ts';

export interface HandlerDeps {
  mode: 'desktop' | 'browser';
  version: string;
  dataDir: string;
  notices: Notice[];
  store: ConversationStore;
  chat: ChatService;
  settings: SettingsService;
  vault: TokenVault;
}

/** Maps every call of the contract onto the services; no business logic lives here. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, chat, settings, vault, notices } = deps;
  return {
    'app:info': () => ({ name: 'Parley', version: deps.version, mode: deps.mode, dataDir: deps.dataDir, notices: [...notices] }),
    'app:dismissNotice': ({ id }) => {
      const index = notices.findIndex((n) => n.id === id);
      if (index >= 0) notices.splice(index, 1);
      return { dismissed: index >= 0 };
    },
    'auth:status': () => vault.status(),
    'auth:setToken': ({ token, storage }) => vault.setToken(token, storage),
    'auth:clearToken': () => vault.clearToken(),
    'chat:send': (input) => chat.send(input),
    'chat:cancel': ({ streamId }) => ({ cancelled: chat.cancel(streamId) }),
    'conversations:list': () => store.listConversations(),
    'conversations:create': (input) => store.createConversation(input?.title),
    'conversations:get': ({ id }) => store.getConversation(id) ?? fail('not_found_local', 'That conversation no longer exists.'),
    'settings:get': () => settings.view(),
    'settings:update': (patch) => settings.update(patch),
  };
}
