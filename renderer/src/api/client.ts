import './zodConfig.ts';
import { buildApi, type ParleyApi, type Unsubscribe } from '../../../shared/contract/api.ts';
import { WIRE_PATH } from '../../../shared/wire.ts';
import { SIGN_IN_PATH, sessionSecret } from './browserSession.ts';
import { WebSocketTransport, type ConnectionState } from './webSocketTransport.ts';

/** How the page reaches main: always "open" under Electron IPC, live under the WebSocket. */
export interface Connection {
  readonly state: ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): Unsubscribe;
}

export interface ApiClient {
  api: ParleyApi;
  connection: Connection;
}

const alwaysOpen: Connection = { state: 'open', onStateChange: () => () => undefined };

/** The Electron preload's API when there is one, otherwise browser mode's WebSocket to the serving host. */
export function createApiClient(): ApiClient {
  if (window.parley) return { api: window.parley, connection: alwaysOpen };
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // The HttpOnly cookie (set when the page was opened with ?key=) and the session secret in the handshake.
  const transport = new WebSocketTransport({ url: `${scheme}://${location.host}${WIRE_PATH}`, sessionSecret });
  // A tab that has no secret (opened without the key, or signed out) says how to sign in rather
  // than reconnecting forever.
  void sessionSecret().then((secret) => {
    if (secret === null) location.replace(SIGN_IN_PATH);
  });
  return { api: buildApi(transport), connection: transport };
}
