import type { ParsedCallInput } from '../../../shared/contract/index.ts';
import type { EventSink } from '../ports.ts';
import { DraftStore } from '../drafts/DraftStore.ts';
import { SearchService } from '../search/SearchService.ts';
import { ConversationMeta } from '../store/conversationMeta.ts';
import { ConversationStore } from '../store/ConversationStore.ts';
import { readImage } from '../store/images.ts';
import { TrashService } from '../store/trash.ts';
import { TransferService } from '../transfer/TransferService.ts';
import { dropHalfImported } from '../transfer/importWriter.ts';
import { TransferJobs } from '../transfer/jobs.ts';

export interface StoreApiOptions {
  dbPath: string;
  appVersion: string;
  events: EventSink;
}

type SettingsPatch = Omit<ParsedCallInput<'conversations:updateSettings'>, 'id'>;

/** Everything that touches the conversation database, as one flat set of functions: what the store
 *  worker serves (storeWorker/worker.ts) and what the main thread reaches through StoreClient. Each
 *  function runs synchronously on the worker's own thread, so the thread serving windows never waits
 *  on SQLite; the streamed export and import are async and yield between batches. */
export function createStoreApi(options: StoreApiOptions) {
  const { events } = options;
  const store = ConversationStore.open(options.dbPath);
  const recovered = store.recoverInterrupted();
  // A large conversation an import was writing when Parley stopped is removed whole.
  store.db.guard('clean up an interrupted import', () => dropHalfImported(store.db));
  const trash = new TrashService(store.db, events);
  try {
    trash.purgeExpired();
  } catch {
    // Emptying old trash must never stop Parley from starting; the next start tries again.
  }
  const drafts = new DraftStore(store.db);
  const meta = new ConversationMeta(store.db, events, (id, page) => store.getConversation(id, page));
  const search = new SearchService(store.db);
  const transfer = new TransferService(store, events, options.appVersion);
  const jobs = new TransferJobs(store, events, options.appVersion);
  const maintenance = store.startMaintenance();

  return {
    started: () => ({ notices: store.notices, recovered }),
    // The conversation store.
    listConversations: () => store.listConversations(),
    createConversation: (...a: Parameters<ConversationStore['createConversation']>) => store.createConversation(...a),
    getConversation: (...a: Parameters<ConversationStore['getConversation']>) => store.getConversation(...a),
    getPage: (...a: Parameters<ConversationStore['getPage']>) => store.getPage(...a),
    getSummary: (id: string) => store.getSummary(id),
    conversationSettings: (id: string) => store.conversationSettings(id),
    getMessage: (id: string) => store.getMessage(id),
    historyTo: (...a: Parameters<ConversationStore['historyTo']>) => store.historyTo(...a),
    hasFollowUps: (id: string) => store.hasFollowUps(id),
    lastMessageId: (id: string) => store.lastMessageId(id),
    totals: (id: string) => store.totals(id),
    selectPathTo: (id: string) => store.selectPathTo(id),
    addUserMessage: (...a: Parameters<ConversationStore['addUserMessage']>) => store.addUserMessage(...a),
    startAssistantMessage: (...a: Parameters<ConversationStore['startAssistantMessage']>) => store.startAssistantMessage(...a),
    reopenAssistantMessage: (...a: Parameters<ConversationStore['reopenAssistantMessage']>) => store.reopenAssistantMessage(...a),
    appendToMessage: (id: string, text: string) => store.appendToMessage(id, text),
    finishMessage: (...a: Parameters<ConversationStore['finishMessage']>) => store.finishMessage(...a),
    readImage: (id: string) => store.db.guard('read the image', () => readImage(store.db, id)),
    // Titles, pins, settings and branches.
    rename: (id: string, title: string) => meta.rename(id, title),
    pin: (id: string, pinned: boolean) => meta.pin(id, pinned),
    updateSettings: (id: string, patch: SettingsPatch) => meta.updateSettings(id, patch),
    selectBranch: (messageId: string, limit?: number) => meta.selectBranch(messageId, limit),
    titleSource: (id: string) => meta.titleSource(id),
    setGeneratedTitle: (id: string, title: string) => meta.setGeneratedTitle(id, title),
    // Search, trash, drafts.
    searchPage: (query: string, limit?: number, offset?: number) => search.searchPage(query, limit, offset),
    moveToTrash: (id: string) => trash.moveToTrash(id),
    trashList: () => trash.list(),
    restore: (id: string) => trash.restore(id),
    purge: (id: string) => trash.purge(id),
    emptyTrash: () => trash.empty(),
    getDraft: (key: string) => drafts.get(key),
    setDraft: (key: string, text: string) => drafts.set(key, text),
    clearDraft: (key: string) => drafts.clear(key),
    // Import and export: whole files in one message (small files), or streamed through files.
    exportContent: (input: ParsedCallInput<'conversations:export'>) => transfer.export(input),
    importContent: (input: ParsedCallInput<'conversations:import'>) => transfer.import(input),
    exportToFile: (...a: Parameters<TransferJobs['exportToFile']>) => jobs.exportToFile(...a),
    importFromFile: (...a: Parameters<TransferJobs['importFromFile']>) => jobs.importFromFile(...a),
    cancelTransfer: (jobId: string) => jobs.cancel(jobId),
    checkpoint: () => store.checkpoint(),
    close: () => {
      jobs.cancelAll();
      maintenance.stop();
      store.close();
    },
  };
}

export type StoreApi = ReturnType<typeof createStoreApi>;
export type StoreMethod = keyof StoreApi;
