import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TransferEvent, TransferStart } from '../../../shared/contract/conversations.ts';
import type { ParsedCallInput } from '../../../shared/contract/index.ts';
import { fail } from '../../../shared/errors.ts';
import type { RemoteStore } from '../storeWorker/client.ts';
import { fileName } from './exporter.ts';

/** The desktop's save and open dialogs (electron/main); browser mode has none and uses URLs instead. */
export interface TransferDialogs {
  /** The path chosen, or undefined when the dialog was dismissed. */
  chooseExportPath(suggestedName: string): Promise<string | undefined>;
  chooseImportPath(): Promise<string | undefined>;
}

type ExportInput = ParsedCallInput<'conversations:export'>;
export interface ExportTicket {
  input: ExportInput;
  fileName: string;
}
interface Ticket {
  jobId: string;
  expires: number;
  export?: ExportTicket;
}

/** A one-time URL is good for this long. */
const TICKET_MS = 5 * 60_000;

/** Starts streamed exports and imports from the main thread: the dialog (desktop) or a one-time URL
 *  (browser mode) decides the file, the store worker does the work and reports progress. */
export class TransferStarter {
  readonly #store: RemoteStore;
  readonly #dialogs: TransferDialogs | undefined;
  readonly #tempDir: string;
  readonly #tickets = new Map<string, Ticket>();

  constructor(store: RemoteStore, dataDir: string, dialogs?: TransferDialogs) {
    this.#store = store;
    this.#dialogs = dialogs;
    this.#tempDir = path.join(dataDir, 'transfer-tmp');
    // Whatever an earlier run left (an upload cut off by a crash) is of no use now.
    fs.rmSync(this.#tempDir, { recursive: true, force: true });
  }

  async startExport(input: ExportInput): Promise<TransferStart> {
    const name = await this.#suggestedName(input);
    const jobId = randomUUID();
    if (this.#dialogs) {
      const target = await this.#dialogs.chooseExportPath(name);
      if (!target) return { cancelled: true };
      void this.#store.exportToFile(jobId, target, input).catch(() => undefined);
      return { jobId, fileName: name };
    }
    return { jobId, fileName: name, url: this.#ticket({ jobId, expires: Date.now() + TICKET_MS, export: { input, fileName: name } }) };
  }

  async startImport(): Promise<TransferStart> {
    const jobId = randomUUID();
    if (this.#dialogs) {
      const source = await this.#dialogs.chooseImportPath();
      if (!source) return { cancelled: true };
      void this.#store.importFromFile(jobId, source).catch(() => undefined);
      return { jobId };
    }
    return { jobId, url: this.#ticket({ jobId, expires: Date.now() + TICKET_MS }) };
  }

  /** Browser mode: the ticket behind a one-time URL, used up by this call. */
  take(token: string): Ticket | undefined {
    const ticket = this.#tickets.get(token);
    this.#tickets.delete(token);
    return ticket && ticket.expires >= Date.now() ? ticket : undefined;
  }

  /** A fresh path for an upload or a download being prepared. */
  tempPath(jobId: string, extension: string): string {
    fs.mkdirSync(this.#tempDir, { recursive: true });
    return path.join(this.#tempDir, `${jobId}.${extension}`);
  }

  exportTo(jobId: string, filePath: string, input: ExportInput): Promise<TransferEvent> {
    return this.#store.exportToFile(jobId, filePath, input);
  }

  importFrom(jobId: string, filePath: string): Promise<TransferEvent> {
    return this.#store.importFromFile(jobId, filePath, { removeAfter: true });
  }

  #ticket(ticket: Ticket): string {
    const now = Date.now();
    for (const [token, old] of this.#tickets) if (old.expires < now) this.#tickets.delete(token);
    const token = randomBytes(24).toString('base64url');
    this.#tickets.set(token, ticket);
    return `/transfer/${token}`;
  }

  async #suggestedName(input: ExportInput): Promise<string> {
    const extension = input.format === 'json' ? 'json' : 'md';
    if (input.ids?.length === 1) {
      const summary = (await this.#store.getSummary(input.ids[0]!)) ?? fail('not_found_local', 'That conversation no longer exists.');
      return fileName([summary], new Date(), extension);
    }
    return fileName([{ title: '' }, { title: '' }], new Date(), extension);
  }
}
