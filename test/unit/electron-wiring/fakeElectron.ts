// A small fake of the Electron APIs that electron/main and the preload use, typed against Electron's
// own types (each piece `satisfies` the real signature it stands in for), for vi.mock('electron').
// One instance per test file; reset() between scenarios. It records what the app did and lets a test
// do what the user or the OS would: press the shortcut, click a tray item, launch a second instance.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type {
  App,
  BrowserWindowConstructorOptions,
  ContextBridge,
  GlobalShortcut,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  MenuItemConstructorOptions,
  Protocol,
  SafeStorage,
  Screen,
  Session,
  Shell,
} from 'electron';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** The part of WebFrameMain the sender checks read. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | undefined;

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((window) => !window.destroyed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().find((window) => window.focused) ?? null;
  }
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  destroyed = false;
  loaded: { file?: string; url?: string } = {};

  readonly options: BrowserWindowConstructorOptions;

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    FakeBrowserWindow.all.push(this);
  }
  async loadFile(file: string, options?: { query?: Record<string, string> }): Promise<void> {
    const url = pathToFileURL(file);
    for (const [key, value] of Object.entries(options?.query ?? {})) url.searchParams.set(key, value);
    this.loaded = { file };
    this.#navigate(url.href);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = { url };
    this.#navigate(url);
  }
  #navigate(url: string): void {
    this.webContents.mainFrame.url = url;
    setImmediate(() => this.emit('ready-to-show'));
  }
  show(): void {
    this.visible = true;
    this.focused = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  setBounds(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeTray extends EventEmitter {
  static all: FakeTray[] = [];
  tooltip = '';
  menu: { items: MenuItemConstructorOptions[] } | undefined;
  destroyed = false;
  readonly image: { path: string };

  constructor(image: { path: string }) {
    super();
    this.image = image;
    FakeTray.all.push(this);
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: { items: MenuItemConstructorOptions[] }): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** What a user's click on a menu item does. */
  click(label: string): void {
    const item = this.menu?.items.find((entry) => entry.label === label);
    if (!item?.click) throw new Error(`no tray item "${label}"`);
    (item.click as () => void)();
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  lockResult = true;
  lockData: unknown;
  quitCalls = 0;
  exitCode: number | undefined;
  switches: [string, string | undefined][] = [];
  readonly paths = new Map<string, string>();
  name = '';

  readonly setName = ((name: string) => void (this.name = name)) satisfies App['setName'];
  readonly getName = (() => this.name) satisfies App['getName'];
  readonly getVersion = (() => '0.0.0-test') satisfies App['getVersion'];
  readonly setPath = ((name: string, path: string) => void this.paths.set(name, path)) satisfies App['setPath'];
  readonly getPath = ((name: string) => {
    const path = this.paths.get(name);
    if (!path) throw new Error(`the fake app has no path "${name}"`);
    return path;
  }) as App['getPath'];
  readonly setAppUserModelId = (() => {}) satisfies App['setAppUserModelId'];
  readonly commandLine = { appendSwitch: (name: string, value?: string) => void this.switches.push([name, value]) };
  readonly requestSingleInstanceLock = ((data?: Record<string, unknown>) => {
    this.lockData = data;
    return this.lockResult;
  }) satisfies App['requestSingleInstanceLock'];
  readonly whenReady = (() => Promise.resolve()) satisfies App['whenReady'];
  readonly quit = (() => void this.quitCalls++) satisfies App['quit'];
  readonly exit = ((code?: number) => void (this.exitCode = code ?? 0)) satisfies App['exit'];
  readonly hide = (() => {}) satisfies App['hide'];
}

export interface PermissionHandlers {
  request?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
  check?: (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
}

export function createFakeElectron() {
  const app = new FakeApp();
  const handlers = new Map<string, InvokeHandler>();
  const shortcuts = new Map<string, () => void>();
  const permissions: PermissionHandlers = {};
  const opened: string[] = [];
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const safeStorageState = { available: false, backend: 'basic_text' as ReturnType<SafeStorage['getSelectedStorageBackend']> };

  const ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'> & { on: () => unknown } = {
    handle: (channel: string, handler: InvokeHandler) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
    // electron-store listens for its renderer-side helper; Parley's pages never send it.
    on: () => ipcMain,
  };

  const globalShortcut = {
    register: (accelerator: string, callback: () => void) => {
      shortcuts.set(accelerator, callback);
      return true;
    },
    isRegistered: (accelerator: string) => shortcuts.has(accelerator),
    unregister: (accelerator: string) => void shortcuts.delete(accelerator),
    unregisterAll: () => shortcuts.clear(),
  } satisfies Pick<GlobalShortcut, 'register' | 'isRegistered' | 'unregister' | 'unregisterAll'>;

  const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1050 }, scaleFactor: 1 };
  const screen = {
    getCursorScreenPoint: () => ({ x: 100, y: 100 }),
    getAllDisplays: () => [display],
    getPrimaryDisplay: () => display,
  } as unknown as Pick<Screen, 'getCursorScreenPoint' | 'getAllDisplays' | 'getPrimaryDisplay'>;

  const defaultSession = {
    setPermissionRequestHandler: (handler: PermissionHandlers['request'] | null) => void (permissions.request = handler ?? undefined),
    setPermissionCheckHandler: (handler: PermissionHandlers['check'] | null) => void (permissions.check = handler ?? undefined),
    webRequest: { onHeadersReceived: () => {}, onBeforeRequest: () => {} },
  } as unknown as Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

  const safeStorage = {
    isEncryptionAvailable: () => safeStorageState.available,
    getSelectedStorageBackend: () => safeStorageState.backend,
    // Reversible, not secret: the real one's key lives in the OS keychain.
    encryptString: (plainText: string) => Buffer.from(`enc:${Buffer.from(plainText).toString('base64')}`),
    decryptString: (encrypted: Buffer) => Buffer.from(encrypted.toString().replace(/^enc:/, ''), 'base64').toString(),
  } satisfies Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>;

  const schemes = { privileged: [] as string[], handled: new Map<string, (request: Request) => Response | Promise<Response>>() };
  const protocol = {
    registerSchemesAsPrivileged: (custom: { scheme: string }[]) => void schemes.privileged.push(...custom.map((entry) => entry.scheme)),
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => void schemes.handled.set(scheme, handler),
    unhandle: (scheme: string) => void schemes.handled.delete(scheme),
    isProtocolHandled: (scheme: string) => schemes.handled.has(scheme),
  } satisfies Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'>;

  const shell = { openExternal: async (url: string) => void opened.push(url) } satisfies Pick<Shell, 'openExternal'>;
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) } satisfies Pick<ContextBridge, 'exposeInMainWorld'>;
  const rendererListeners = new EventEmitter();
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return { ok: true, value: null };
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      rendererListeners.on(channel, listener);
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      rendererListeners.removeListener(channel, listener);
      return ipcRenderer;
    },
  };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (items: MenuItemConstructorOptions[]) => ({ items }), setApplicationMenu: () => {} },
    nativeImage: { createFromPath: (path: string) => ({ path, isEmpty: () => false }) },
    ipcMain,
    globalShortcut,
    screen,
    session: { defaultSession },
    protocol,
    safeStorage,
    shell,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    contextBridge,
    ipcRenderer: ipcRenderer as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  };

  return {
    module: { ...module, default: module },
    app,
    handlers,
    shortcuts,
    permissions,
    opened,
    exposed,
    invoked,
    rendererListeners,
    safeStorageState,
    schemes,
    windows: () => FakeBrowserWindow.getAllWindows(),
    trays: () => FakeTray.all,
    reset(paths: Record<string, string>) {
      app.removeAllListeners();
      Object.assign(app, { isPackaged: false, lockResult: true, lockData: undefined, quitCalls: 0, exitCode: undefined, switches: [], name: '' });
      app.paths.clear();
      for (const [name, path] of Object.entries(paths)) app.paths.set(name, path);
      handlers.clear();
      shortcuts.clear();
      delete permissions.request;
      delete permissions.check;
      opened.length = 0;
      exposed.clear();
      invoked.length = 0;
      FakeBrowserWindow.all = [];
      FakeTray.all = [];
      Object.assign(safeStorageState, { available: false, backend: 'basic_text' });
      schemes.privileged.length = 0;
      schemes.handled.clear();
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** An invoke event as Electron would build it for a frame of a window. */
export function invokeEvent(contents: FakeWebContents, frame: FakeFrame = contents.mainFrame): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame, frameId: 1, processId: 1 } as unknown as IpcMainInvokeEvent;
}

const SHARED = Symbol.for('parley.fakeElectron');

/** The one fake of this test process: vi.mock's factory and the test see the same objects, also
 *  after vi.resetModules() re-imports electron/main. */
export function sharedFakeElectron(): FakeElectron {
  const holder = globalThis as { [SHARED]?: FakeElectron };
  return (holder[SHARED] ??= createFakeElectron());
}
