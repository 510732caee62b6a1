import type { BrowserWindow } from 'electron';
import { sendEvent } from './events.ts';
import { createMainWindow, type WindowTarget } from './windows.ts';

export interface MainWindowDeps {
  target: WindowTarget;
  /** Read at every close, so a change in Settings applies at once. */
  hideOnClose: () => boolean;
  isQuitting: () => boolean;
  /** After the window is really gone (not merely hidden to the tray). */
  onClosed: () => void;
}

export interface OpenRequest {
  conversationId?: string;
  newChat?: boolean;
  /** false: make sure the window exists, but leave it hidden. */
  show?: boolean;
}

/** The main window: created on demand, hidden rather than closed when Parley lives in the tray. */
export class MainWindow {
  readonly #deps: MainWindowDeps;
  #window: BrowserWindow | undefined;

  constructor(deps: MainWindowDeps) {
    this.#deps = deps;
  }

  get window(): BrowserWindow | undefined {
    return this.#window && !this.#window.isDestroyed() ? this.#window : undefined;
  }

  isVisible(): boolean {
    return this.window?.isVisible() ?? false;
  }

  open(request: OpenRequest = {}): void {
    const window = this.window;
    if (!window) {
      // A new page reads what to show from its address: it cannot have subscribed to events yet.
      const query: Record<string, string> | undefined = request.conversationId
        ? { conversation: request.conversationId }
        : request.newChat
          ? { new: '1' }
          : undefined;
      this.#window = this.#create(request.show !== false, query);
      return;
    }
    if (request.conversationId) sendEvent(window, 'app:openConversation', { conversationId: request.conversationId });
    else if (request.newChat) sendEvent(window, 'app:newChat', {});
    if (request.show === false) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  #create(show: boolean, query: Record<string, string> | undefined): BrowserWindow {
    const window = createMainWindow(this.#deps.target, { show, query });
    window.on('close', (event) => {
      if (this.#deps.isQuitting() || !this.#deps.hideOnClose()) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      if (this.#window === window) this.#window = undefined;
      this.#deps.onClosed();
    });
    return window;
  }
}
