// Channel names alone, with no schemas, so the preload can import them without bundling zod.
// test/unit/contract.test.ts checks that these lists match the contract.
export const callChannels = [
  'app:info',
  'app:dismissNotice',
  'auth:status',
  'auth:setToken',
  'auth:clearToken',
  'chat:send',
  'chat:cancel',
  'conversations:list',
  'conversations:create',
  'conversations:get',
  'settings:get',
  'settings:update',
] as const;

export const eventChannels = ['app:notice', 'chat:event', 'conversations:changed'] as const;
