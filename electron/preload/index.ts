// The bridge between a sandboxed page and main: one named function per call, one onX per event.
// Never ipcRenderer itself, never a generic invoke, never the IpcRendererEvent.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type Transport } from '../../shared/contract/api.ts';
import type { Result } from '../../shared/errors.ts';

const transport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
  subscribe: (channel, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('parley', buildApi(transport));
