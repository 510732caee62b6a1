import type { RawData, WebSocket } from 'ws';
import { appError, type Result } from '../../../shared/errors.ts';
import { ClientMessageSchema, type ServerMessage } from '../../../shared/wire.ts';

/** The one thing browser mode needs from the composition root. */
export interface Dispatcher {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
}

/** 1008 (policy violation): a well-behaved page never sends these, so the socket is not trusted further. */
const POLICY_VIOLATION = 1008;

/** Answers each `call` on one socket with a `result`; anything malformed closes the socket, never the server. */
export function serveCalls(socket: WebSocket, services: Dispatcher): void {
  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      socket.close(POLICY_VIOLATION, 'Binary messages are not accepted');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(rawToString(data));
    } catch {
      socket.close(POLICY_VIOLATION, 'Malformed JSON');
      return;
    }
    const parsed = ClientMessageSchema.safeParse(json);
    if (!parsed.success) {
      socket.close(POLICY_VIOLATION, 'Malformed message');
      return;
    }
    const { id, channel, input } = parsed.data;
    void answer(socket, services, id, channel, input);
  });
  socket.on('error', () => socket.terminate());
}

async function answer(socket: WebSocket, services: Dispatcher, id: number, channel: string, input: unknown): Promise<void> {
  let result: Result<unknown>;
  try {
    result = await services.dispatch(channel, input);
  } catch (error) {
    // dispatch promises never to throw; a bug there must still answer the page rather than hang it.
    result = { ok: false, error: appError('internal', `Parley failed unexpectedly: ${(error as Error).message}`) };
  }
  let text: string;
  try {
    text = JSON.stringify({ type: 'result', id, result } satisfies ServerMessage);
  } catch (error) {
    const failure: ServerMessage = {
      type: 'result',
      id,
      result: { ok: false, error: appError('internal', `The reply could not be sent: ${(error as Error).message}`) },
    };
    text = JSON.stringify(failure);
  }
  if (socket.readyState === socket.OPEN) socket.send(text);
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
