/// <reference types="vite/client" />
import type { ParleyApi } from '../../shared/contract/api.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    parley?: ParleyApi;
  }
}
