import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { callChannels } from '../../shared/contract/channels.ts';
import { appError, type Result } from '../../shared/errors.ts';
import type { Services } from '../core/services.ts';
import { isTrustedSender, type TrustedRenderer } from './senderCheck.ts';

/** One handler per call of the contract; each checks who is asking, then hands over to dispatch
 *  (which parses the input with the contract's schema). Returns a function that unregisters them. */
export function registerIpc(services: Pick<Services, 'dispatch'>, trusted: TrustedRenderer): () => void {
  for (const channel of callChannels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, trusted)) {
        console.warn(`Parley: refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: appError('forbidden', 'This page may not talk to Parley.') };
      }
      return services.dispatch(channel, input);
    });
  }
  return () => {
    for (const channel of callChannels) ipcMain.removeHandler(channel);
  };
}
