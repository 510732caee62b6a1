// The bridge between a sandboxed page and main: one named function per call on this window's list,
// one onX per event. Never ipcRenderer itself, never a generic invoke, never the IpcRendererEvent.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/contract/api.ts';
import { windowApi, windowKindOfPath } from '../../shared/contract/windows.ts';
import { ipcTransport } from './transport.ts';

// Main checks every call against the same list; this only keeps the rest out of the page's reach.
const kind = windowKindOfPath(window.location.pathname);
contextBridge.exposeInMainWorld('parley', buildApi(ipcTransport(ipcRenderer), windowApi[kind]));
