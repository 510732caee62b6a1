import { BrowserWindow, screen } from 'electron';
import { placeQuickPrompt } from '../core/quickPrompt/placement.ts';
import { sendEvent } from './events.ts';
import { QUICK_WINDOW_SIZE, quickWindowOptions } from './quickWindowOptions.ts';
import { loadPage, lockDownNavigation, type WindowTarget } from './windows.ts';

export interface QuickWindowDeps {
  target: WindowTarget;
  isQuitting: () => boolean;
  /** After hiding: macOS gives focus back to the previous app only when Parley hides itself. */
  afterHide?: () => void;
}

/** The quick-prompt window, kept ready (created hidden at start-up) so the hotkey only has to show it. */
export class QuickWindow {
  readonly #deps: QuickWindowDeps;
  #window: BrowserWindow | undefined;
  #pinned = false;

  constructor(deps: QuickWindowDeps) {
    this.#deps = deps;
  }

  get window(): BrowserWindow | undefined {
    return this.#window && !this.#window.isDestroyed() ? this.#window : undefined;
  }

  /** Creates the hidden window unless it exists (again after a renderer crash). */
  prepare(): BrowserWindow {
    const existing = this.window;
    if (existing) return existing;
    const window = new BrowserWindow(quickWindowOptions(this.#deps.target.preloadPath));
    lockDownNavigation(window);
    window.on('blur', () => {
      if (!this.#pinned) this.#hide(window);
    });
    window.on('close', (event) => {
      if (this.#deps.isQuitting()) return;
      event.preventDefault(); // Alt+F4 / Cmd+W hide it; it stays ready
      this.#hide(window);
    });
    window.on('closed', () => {
      if (this.#window === window) this.#window = undefined;
    });
    // A crashed page cannot be shown; the next show() builds a fresh window.
    window.webContents.on('render-process-gone', () => window.destroy());
    loadPage(window, this.#deps.target, 'quick');
    this.#window = window;
    return window;
  }

  /** Centred on the display under the pointer, focused, and told so (the page focuses its textbox). */
  show(): void {
    const window = this.prepare();
    const bounds = placeQuickPrompt(screen.getCursorScreenPoint(), screen.getAllDisplays(), screen.getPrimaryDisplay(), QUICK_WINDOW_SIZE);
    window.setBounds(bounds);
    // Windows resizes by the old display's scale when crossing to a display with another one; twice lands right.
    if (process.platform === 'win32') window.setBounds(bounds);
    window.show();
    window.focus();
    sendEvent(window, 'quick:shown', {});
  }

  /** The hotkey: shows it, or hides it when it is already in front. */
  toggle(): void {
    const window = this.window;
    if (window?.isVisible() && window.isFocused()) this.#hide(window);
    else this.show();
  }

  /** yieldFocus false: another Parley window is about to take the focus (Open in main window). */
  hide(yieldFocus = true): boolean {
    const window = this.window;
    return window ? this.#hide(window, yieldFocus) : false;
  }

  setPinned(pinned: boolean): boolean {
    this.#pinned = pinned;
    return this.#pinned;
  }

  #hide(window: BrowserWindow, yieldFocus = true): boolean {
    if (!window.isVisible()) return false;
    window.hide();
    if (yieldFocus) this.#deps.afterHide?.();
    return true;
  }
}
