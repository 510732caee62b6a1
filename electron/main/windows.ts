import { BrowserWindow, shell, type Session } from 'electron';
import { isExternalWebUrl, secureWebPreferences } from './webPreferences.ts';

export interface WindowTarget {
  preloadPath: string;
  /** The dev server (ELECTRON_RENDERER_URL) or, when absent, the built index.html. */
  devServerUrl?: string;
  indexHtmlPath: string;
}

export function createMainWindow(target: WindowTarget): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 520,
    minHeight: 400,
    show: false,
    title: 'Parley',
    webPreferences: secureWebPreferences(target.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  lockDownNavigation(window);
  if (target.devServerUrl) void window.loadURL(target.devServerUrl);
  else void window.loadFile(target.indexHtmlPath);
  return window;
}

/** The app is one page: new windows and navigation away are refused; web links go to the system browser. */
function lockDownNavigation(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (event.url === contents.getURL()) return; // a reload of the page itself
    event.preventDefault();
    if (isExternalWebUrl(event.url)) void shell.openExternal(event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** No camera, microphone, notifications, geolocation…: only writing to the clipboard (copy buttons). */
export function lockDownSession(session: Session): void {
  const allowed = new Set(['clipboard-sanitized-write']);
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));
}
