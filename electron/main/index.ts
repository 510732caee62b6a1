import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import type { EventSink } from '../core/ports.ts';
import { createServices, type Services } from '../core/services.ts';
import { loadKeytar } from '../core/vault/keychain.ts';
import { createElectronStoreBackend } from './electronStoreBackend.ts';
import { registerIpc } from './ipc.ts';
import { createMainWindow, lockDownSession, type WindowTarget } from './windows.ts';

// Built as out/main/index.js: the preload and the renderer sit beside it in out/.
const here = import.meta.dirname;
const target: WindowTarget = {
  preloadPath: join(here, '..', 'preload', 'index.cjs'),
  indexHtmlPath: join(here, '..', 'renderer', 'index.html'),
  // The dev server is trusted only in development: a packaged app ignores the variable.
  devServerUrl: !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined,
};

app.setName('Parley');
// The same folder browser mode defaults to (electron/core/paths.ts); PARLEY_DATA_DIR lets tests use a temp one.
app.setPath('userData', process.env.PARLEY_DATA_DIR || join(app.getPath('appData'), 'Parley'));

let services: Services | undefined;
let mainWindow: BrowserWindow | undefined;

/** Events reach every open window. */
const windowsSink: EventSink = {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(channel, payload);
    }
  },
};

function showMainWindow(): void {
  if (!services) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(target);
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  lockDownSession(session.defaultSession);
  services = await createServices({
    mode: 'desktop',
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    env: process.env,
    settingsBackend: createElectronStoreBackend,
    keychain: loadKeytar,
    events: windowsSink,
  });
  registerIpc(services, { packagedIndexUrl: pathToFileURL(target.indexHtmlPath).href, devServerUrl: target.devServerUrl });
  showMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Parley is running: it gets focused (second-instance below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    if (!services || closing) return;
    // Let running streams be saved and the database close before the process ends.
    closing = true;
    event.preventDefault();
    const open = services;
    services = undefined;
    open
      .close()
      .catch((error: unknown) => console.error('Parley: error while closing', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Parley: could not start', error);
      app.exit(1);
    });
}
