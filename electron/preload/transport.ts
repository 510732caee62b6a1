import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Transport } from '../../shared/contract/api.ts';
// Types only: the preload bundle stays free of zod.
import type { Result } from '../../shared/errors.ts';

/** The part of ipcRenderer the bridge uses. */
export type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** Calls and events over Electron IPC. A call main rejects (no handler, a thrown error, a dead
 *  frame) still resolves, to an error value, so no page waits forever on "sending". */
export function ipcTransport(ipc: IpcLike): Transport {
  return {
    invoke: async (channel, input) => {
      try {
        return (await ipc.invoke(channel, input)) as Result<unknown>;
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `Parley could not complete ${channel}: ${(error as Error).message}` } };
      }
    },
    subscribe: (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(channel, handler);
      return () => {
        ipc.removeListener(channel, handler);
      };
    },
  };
}
