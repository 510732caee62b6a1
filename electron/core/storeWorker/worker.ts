// The store worker's entry (built as out/main/storeWorker.js): the conversation database, search and
// import/export on a thread of their own. The main thread only routes calls and events to and fro.
import { parentPort, workerData } from 'node:worker_threads';
import type { EventChannel, EventPayload } from '../../../shared/contract/index.ts';
import { AppErrorException, appError, type AppError } from '../../../shared/errors.ts';
import { imageCapabilityUrl } from '../browserMode/imageCapability.ts';
import type { EventSink } from '../ports.ts';
import { setImageUrlBuilder } from '../store/images.ts';
import type { FromWorker, StoreWorkerData, ToWorker } from './protocol.ts';
import { createStoreApi, type StoreApi } from './storeApi.ts';

const port = parentPort;
if (!port) throw new Error('The store worker must run in a worker thread.');
const data = workerData as StoreWorkerData;

const post = (message: FromWorker): void => port.postMessage(message);

function toError(err: unknown): { error: AppError; internal?: string } {
  if (err instanceof AppErrorException) return { error: err.error };
  return {
    error: appError('internal', 'Something went wrong inside Parley. Your data is safe; please try again.'),
    internal: err instanceof Error ? (err.stack ?? err.message) : String(err),
  };
}

if (data.images.kind === 'signed') {
  const { secret } = data.images;
  setImageUrlBuilder((id) => imageCapabilityUrl(id, secret));
}

const events: EventSink = {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    post({ type: 'event', channel, payload });
  },
};

let api: StoreApi | undefined;
try {
  api = createStoreApi({ dbPath: data.dbPath, appVersion: data.appVersion, events });
  post({ type: 'ready', ...api.started() });
} catch (err) {
  post({ type: 'failed', error: toError(err).error });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'crash') process.exit(70);
  if (message.type === 'close') {
    try {
      api?.close();
    } finally {
      post({ type: 'closed' });
      port.close();
    }
    return;
  }
  void answer(message.id, message.method, message.args);
});

async function answer(id: number, method: string, args: unknown[]): Promise<void> {
  try {
    if (!api) throw new AppErrorException(appError('storage', 'The conversation database could not be opened.'));
    const fn = Object.hasOwn(api, method) ? (api as unknown as Record<string, (...a: unknown[]) => unknown>)[method] : undefined;
    if (!fn) throw new AppErrorException(appError('internal', `The store has no call "${method.slice(0, 60)}".`));
    post({ type: 'result', id, ok: true, value: await fn(...args) });
  } catch (err) {
    post({ type: 'result', id, ok: false, ...toError(err) });
  }
}
