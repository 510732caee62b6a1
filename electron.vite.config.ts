import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // keytar is an optional dependency (a native module that may not build): load it at run time, never bundle it.
      externalizeDeps: { include: ['keytar'] },
      rollupOptions: {
        input: {
          // The Electron main process.
          index: resolve(root, 'electron/main/index.ts'),
          // Browser mode: the same services in plain Node (never imports electron).
          serve: resolve(root, 'electron/core/browserMode/cli.ts'),
          // The store worker (worker_threads), started by electron/core/storeWorker/client.ts.
          storeWorker: resolve(root, 'electron/core/storeWorker/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    // Module workers, so the highlighting and Markdown workers can load grammars as separate chunks.
    worker: { format: 'es' },
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'renderer/index.html'),
          // The quick-prompt window's page (in browser mode, /quick.html).
          quick: resolve(root, 'renderer/quick.html'),
        },
      },
    },
  },
});
