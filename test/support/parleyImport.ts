// Seeds data the way a user would: a Parley JSON export imported through the product's own
// conversations:import call, over the running server's WebSocket.
import { callParley } from './browserMode.ts';
import { parleyExport, type SeedConversation } from './parleyExport.ts';

export { longConversation, manyConversations } from './parleyExport.ts';

/** Imports through the running server's WebSocket, as the page's Import does. */
export async function importConversations(serverUrl: string, conversations: SeedConversation[]): Promise<void> {
  const result = await callParley(serverUrl, 'conversations:import', { content: parleyExport(conversations) });
  if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
}
