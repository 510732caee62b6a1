import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, session, type Tray } from 'electron';
import { lockData, parseLaunchArgs, secondLaunchRequest, type LaunchRequest } from '../core/cli/argv.ts';
import { isWaylandSession, WAYLAND_PORTAL_FEATURE } from '../core/hotkey/session.ts';
import { usePrivateUmask } from '../core/privateFiles.ts';
import { createServices, type Services } from '../core/services.ts';
import { keychainWithFallback } from '../core/vault/fallbackKeychain.ts';
import { loadKeytar } from '../core/vault/keychain.ts';
import { createDesktopShell } from './desktopShell.ts';
import { createElectronStoreBackend } from './electronStoreBackend.ts';
import { windowsSink } from './events.ts';
import { GlobalHotkey } from './hotkey.ts';
import { handleImageProtocol, registerImageScheme } from './imageProtocol.ts';
import { registerIpc } from './ipc.ts';
import { MainWindow } from './mainWindow.ts';
import { QuickWindow } from './quickWindow.ts';
import { safeStorageFallback } from './safeStorageKeychain.ts';
import { createTray } from './tray.ts';
import { tokenMoveDialog } from './tokenMoveDialog.ts';
import { checkForUpdates } from './updates.ts';
import { createTransferDialogs } from './transferDialogs.ts';
import { lockDownSession, type WindowTarget } from './windows.ts';

// Built as out/main/index.js: the preload and the renderer sit beside it in out/, resources/ two up.
const here = import.meta.dirname;
/** Packaged: electron-builder's extraResources; in development: the repository's resources/. */
const resourceFile = (...parts: string[]): string =>
  app.isPackaged ? join(process.resourcesPath, ...parts) : join(here, '..', '..', 'resources', ...parts);
const target: WindowTarget = {
  preloadPath: join(here, '..', 'preload', 'index.cjs'),
  indexHtmlPath: join(here, '..', 'renderer', 'index.html'),
  quickHtmlPath: join(here, '..', 'renderer', 'quick.html'),
  iconPath: resourceFile('icons', '256x256.png'),
  // The dev server is trusted only in development: a packaged app ignores the variable.
  devServerUrl: !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined,
};

app.setName('Parley');
// Every file Parley creates (database, -wal/-shm, backups, exports) starts readable by this user only.
usePrivateUmask();
registerImageScheme();
// The same folder browser mode defaults to (electron/core/paths.ts); PARLEY_DATA_DIR lets tests use a temp one.
app.setPath('userData', process.env.PARLEY_DATA_DIR || join(app.getPath('appData'), 'Parley'));
if (process.platform === 'win32') app.setAppUserModelId('ai.parley.desktop');
// Lets globalShortcut ask the desktop through xdg-desktop-portal; a plain key grab does not reach Wayland apps.
if (isWaylandSession(process.env, process.platform)) app.commandLine.appendSwitch('enable-features', WAYLAND_PORTAL_FEATURE);

const launch = parseLaunchArgs(process.argv);
let services: Services | undefined;
let quitting = false;
let tray: Tray | undefined;
/** A second launch that arrived before start-up finished. */
let pending: LaunchRequest | undefined;

const main = new MainWindow({
  target,
  hideOnClose: () => Boolean(tray && services?.currentSettings().closeToTray),
  isQuitting: () => quitting,
  // The hidden quick-prompt window would keep the app alive; off macOS, closing the main window quits.
  onClosed: () => {
    if (!quitting && process.platform !== 'darwin') app.quit();
  },
});
const quick = new QuickWindow({
  target,
  isQuitting: () => quitting,
  afterHide: () => {
    if (process.platform === 'darwin' && !main.isVisible()) app.hide();
  },
});
const hotkey = new GlobalHotkey(() => quick.toggle());

function handle(request: LaunchRequest): void {
  if (!services) {
    pending = request;
    return;
  }
  if (request.quick) quick.show();
  else main.open();
}

async function start(): Promise<void> {
  lockDownSession(session.defaultSession);
  services = await createServices({
    mode: 'desktop',
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    env: process.env,
    settingsBackend: createElectronStoreBackend,
    keychain: keychainWithFallback({ primary: loadKeytar, fallback: safeStorageFallback(app.getPath('userData')) }),
    events: windowsSink,
    shell: createDesktopShell({ hotkey, quick, main }),
    confirmTokenMove: tokenMoveDialog(() => main.window),
    transferDialogs: createTransferDialogs(),
  });
  const ready = services;
  handleImageProtocol((id) => ready.readImage(id));
  registerIpc(services, {
    packagedIndexUrl: pathToFileURL(target.indexHtmlPath).href,
    otherPackagedUrls: [pathToFileURL(target.quickHtmlPath).href],
    devServerUrl: target.devServerUrl,
  });
  // The main window first, so it paints first; then the quick prompt, kept ready and hidden.
  main.open({ show: !launch.quick });
  quick.prepare();
  hotkey.apply(services.currentSettings().quickPromptHotkey);
  try {
    tray = createTray(resourceFile('tray', 'tray.png'), {
      newChat: () => main.open({ newChat: true }),
      quickPrompt: () => quick.show(),
      showMain: () => main.open(),
      quit: () => app.quit(),
    });
  } catch (error) {
    // Some Linux desktops have no tray; Parley then simply quits when its window closes.
    console.warn(`Parley: no tray icon: ${(error as Error).message}`);
  }
  if (launch.quick) quick.show();
  const queued = pending;
  pending = undefined;
  if (queued) handle(queued);
  void checkForUpdates(app.isPackaged);
}

if (!app.requestSingleInstanceLock(lockData(launch))) {
  // Another Parley is running: it gets this launch's request (second-instance below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, _workingDirectory, additionalData) => handle(secondLaunchRequest(argv, additionalData)));
  app.on('activate', () => handle({ quick: false }));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    hotkey.dispose();
    tray?.destroy();
    tray = undefined;
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
