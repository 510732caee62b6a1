import { globalShortcut } from 'electron';
import type { HotkeyStatus } from '../../shared/contract/app.ts';
import { hotkeyOutcome, planHotkey, type HotkeyHost } from '../core/hotkey/status.ts';

/** The quick prompt's global shortcut: the decisions are in core/hotkey; this only talks to globalShortcut. */
export class GlobalHotkey {
  readonly #onPress: () => void;
  readonly #host: HotkeyHost;
  #registered: string | null = null;
  #status: HotkeyStatus = { accelerator: '', registered: false };

  constructor(onPress: () => void, host: HotkeyHost = { platform: process.platform, env: process.env }) {
    this.#onPress = onPress;
    this.#host = host;
  }

  status(): HotkeyStatus {
    return { ...this.#status };
  }

  /** (Re-)registers the shortcut from the settings; leaves a working one alone when it did not change. */
  apply(setting: string): HotkeyStatus {
    const plan = planHotkey(setting, this.#host);
    if (plan.register && plan.accelerator === this.#registered) return this.status();
    this.#release();
    if (!plan.register) {
      this.#status = plan.status;
      return this.status();
    }
    let registered = false;
    try {
      // register() answers false when another app holds the keys; isRegistered() confirms the grab.
      registered = globalShortcut.register(plan.accelerator, this.#onPress) && globalShortcut.isRegistered(plan.accelerator);
    } catch (error) {
      console.warn(`Parley: could not register ${plan.accelerator}: ${(error as Error).message}`);
    }
    if (registered) this.#registered = plan.accelerator;
    this.#status = hotkeyOutcome(plan, registered, this.#host);
    if (this.#status.message) console.warn(`Parley: ${this.#status.message}`);
    return this.status();
  }

  dispose(): void {
    this.#release();
  }

  #release(): void {
    if (this.#registered) globalShortcut.unregister(this.#registered);
    this.#registered = null;
  }
}
