export { ConversationStore, type MessageEnd } from './ConversationStore.ts';
