import { BrowserWindow } from 'electron';
import type { EventChannel, EventPayload } from '../../shared/contract/index.ts';
import type { EventSink } from '../core/ports.ts';

/** One typed event to one window (app:openConversation to the main window, quick:shown to the quick one). */
export function sendEvent<E extends EventChannel>(window: BrowserWindow | undefined, channel: E, payload: EventPayload<E>): void {
  if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
}

/** The services' events reach every open window. */
export const windowsSink: EventSink = {
  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const window of BrowserWindow.getAllWindows()) sendEvent(window, channel, payload);
  },
};
