import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { callChannels } from '../../shared/contract/channels.ts';
import { mayCall } from '../../shared/contract/windows.ts';
import { appError, type Result } from '../../shared/errors.ts';
import type { Services } from '../core/services.ts';
import { senderWindow, type TrustedRenderer } from './senderCheck.ts';

/** One handler per call of the contract; each checks who is asking (our page, top-level, and a
 *  window whose list has this call), then hands over to dispatch (which parses the input with the
 *  contract's schema). Never rejects: the page always gets a value. Returns a function that
 *  unregisters them. */
export function registerIpc(services: Pick<Services, 'dispatch'>, trusted: TrustedRenderer): () => void {
  for (const channel of callChannels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const window = senderWindow(event.senderFrame, trusted);
      if (!window) {
        console.warn(`Parley: refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: appError('forbidden', 'This page may not talk to Parley.') };
      }
      if (!mayCall(window, channel)) {
        console.warn(`Parley: refused ${channel} from the ${window} window`);
        return { ok: false, error: appError('forbidden', `The ${window === 'quick' ? 'quick prompt' : 'main'} window may not call ${channel}.`) };
      }
      try {
        return await services.dispatch(channel, input);
      } catch (error) {
        return { ok: false, error: appError('internal', `Parley failed unexpectedly: ${(error as Error).message}`) };
      }
    });
  }
  return () => {
    for (const channel of callChannels) ipcMain.removeHandler(channel);
  };
}
