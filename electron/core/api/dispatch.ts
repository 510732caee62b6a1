import { calls, type CallChannel, type CallOutput, type ParsedCallInput } from '../../../shared/contract/index.ts';
import { AppErrorException, appError, type Result } from '../../../shared/errors.ts';

/** One handler per call; each receives input already parsed by the contract's schema. */
export type Handlers = {
  [C in CallChannel]: (input: ParsedCallInput<C>) => Promise<CallOutput<C>> | CallOutput<C>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchLogger {
  error(message: string, err: unknown): void;
}

function isCallChannel(channel: string): channel is CallChannel {
  return Object.hasOwn(calls, channel);
}

/**
 * The single entry point for both transports (Electron IPC and the browser-mode WebSocket):
 * checks the channel, parses the input with the contract, runs the handler, and turns any
 * failure into an error value. It never throws.
 */
export function createDispatch(handlers: Handlers, logger: DispatchLogger = console): Dispatch {
  return async (channel, input) => {
    if (!isCallChannel(channel)) {
      return { ok: false, error: appError('invalid_input', `Unknown call "${String(channel).slice(0, 100)}".`) };
    }
    const parsed = calls[channel].input.safeParse(input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
      return { ok: false, error: appError('invalid_input', `${first?.message ?? 'Invalid input.'}${where}`) };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof AppErrorException) return { ok: false, error: err.error };
      logger.error(`Parley: ${channel} failed`, err);
      return { ok: false, error: appError('internal', 'Something went wrong inside Parley. Your data is safe; please try again.') };
    }
  };
}
