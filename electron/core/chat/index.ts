export { ChatService, type ChatServiceDeps } from './ChatService.ts';
export { toAppError, type ProviderErrorContext } from './providerErrors.ts';
