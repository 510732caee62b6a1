import { BrowserWindow, shell, type Session } from 'electron';
import { isExternalWebUrl, secureWebPreferences } from './webPreferences.ts';

export interface WindowTarget {
  preloadPath: string;
  /** The dev server (ELECTRON_RENDERER_URL) or, when absent, the built pages. */
  devServerUrl?: string;
  indexHtmlPath: string;
  quickHtmlPath: string;
  /** The window icon (Linux shows it in the title bar and the task switcher). */
  iconPath?: string;
}

export type PageQuery = Record<string, string>;

export interface MainWindowOptions {
  /** false: created hidden (`parley --quick` at start-up shows only the quick prompt). */
  show: boolean;
  /** Read by the page at load: conversation=<id> or new=1. */
  query?: PageQuery;
}

export function createMainWindow(target: WindowTarget, options: MainWindowOptions = { show: true }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 520,
    minHeight: 400,
    show: false,
    title: 'Parley',
    ...(target.iconPath ? { icon: target.iconPath } : {}),
    webPreferences: secureWebPreferences(target.preloadPath),
  });
  if (options.show) window.once('ready-to-show', () => window.show());
  lockDownNavigation(window);
  loadPage(window, target, 'index', options.query);
  return window;
}

/** Loads index.html or quick.html from the dev server or from out/renderer. */
export function loadPage(window: BrowserWindow, target: WindowTarget, page: 'index' | 'quick', query?: PageQuery): void {
  if (target.devServerUrl) {
    const url = new URL(page === 'index' ? './' : './quick.html', target.devServerUrl);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    window.loadURL(url.href).catch(reportLoadFailure(page));
  } else {
    window.loadFile(page === 'index' ? target.indexHtmlPath : target.quickHtmlPath, query ? { query } : undefined).catch(reportLoadFailure(page));
  }
}

function reportLoadFailure(page: string): (error: unknown) => void {
  return (error) => console.error(`Parley: could not load the ${page} page: ${(error as Error).message}`);
}

/** The app is one page per window: new windows and navigation away are refused; web links go to the system browser. */
export function lockDownNavigation(window: BrowserWindow): void {
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
