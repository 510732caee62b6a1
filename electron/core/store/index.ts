export { ConversationStore, type MessageEnd } from './ConversationStore.ts';
export { StoreDb } from './storeDb.ts';
export { TRASH_RETENTION_MS, TrashService } from './trash.ts';
export { ConversationMeta, type TitleSource } from './conversationMeta.ts';
