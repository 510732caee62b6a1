import { z } from 'zod';
import { AppErrorSchema } from './errors.ts';

/** Browser mode: the messages on the WebSocket at /ws between a page and the Node server. */
export const WIRE_PATH = '/ws';

export const ClientMessageSchema = z.object({
  type: z.literal('call'),
  /** Chosen by the page; echoed back on the result. */
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown().optional(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

const ResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int(), result: ResultSchema }),
  z.object({ type: z.literal('event'), channel: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
