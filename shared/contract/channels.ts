// Channel names alone, with no schemas, so the preload can import them without bundling zod.
// test/unit/contract.test.ts checks that these lists match the contract.
export const callChannels = [
  'app:info',
  'app:dismissNotice',
  'app:hotkeyStatus',
  'auth:status',
  'auth:setToken',
  'auth:clearToken',
  'chat:send',
  'chat:cancel',
  'chat:continue',
  'conversations:list',
  'conversations:create',
  'conversations:get',
  'conversations:search',
  'conversations:delete',
  'conversations:trash',
  'conversations:restore',
  'conversations:purge',
  'conversations:emptyTrash',
  'conversations:export',
  'conversations:import',
  'drafts:get',
  'drafts:set',
  'app:connectivity',
  'settings:get',
  'settings:update',
  'quick:hide',
  'quick:setPinned',
  'quick:openInMain',
] as const;

export const eventChannels = ['app:notice', 'app:openConversation', 'app:newChat', 'chat:event', 'conversations:changed', 'quick:shown', 'app:connectivity'] as const;
