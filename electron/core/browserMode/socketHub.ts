import { WebSocket } from 'ws';
import type { EventChannel, EventPayload } from '../../../shared/contract/index.ts';
import type { ServerMessage } from '../../../shared/wire.ts';
import type { EventSink } from '../ports.ts';

/** Browser mode's EventSink: every event goes to every authenticated socket. */
export class SocketHub implements EventSink {
  private readonly sockets = new Set<WebSocket>();

  add(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  get size(): number {
    return this.sockets.size;
  }

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    const message: ServerMessage = { type: 'event', channel, payload };
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch {
      return; // an event that cannot be serialized is dropped, not thrown back into a service
    }
    for (const socket of this.sockets) {
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
    }
  }

  closeAll(code = 1001, reason = 'Parley is shutting down'): void {
    for (const socket of this.sockets) socket.close(code, reason);
    this.sockets.clear();
  }
}
