import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WIRE_PATH } from '../../../shared/wire.ts';
import type { BrowserData } from '../services.ts';
import { AccessGate, SESSION_HEADER, WIRE_PROTOCOL, type AccessTimings } from './access.ts';
import { handleDataRoute } from './dataRoutes.ts';
import type { SocketHub } from './socketHub.ts';
import { sendStaticFile, sendText } from './staticFiles.ts';
import { serveCalls, type Dispatcher } from './wireSocket.ts';

export interface BrowserServerOptions {
  /** The calls, and (browser-mode services) the images and streamed transfers served over HTTP. */
  services: Dispatcher & { browserData?: BrowserData };
  hub: SocketHub;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Fixed in tests; a fresh random key otherwise. */
  accessKey?: string;
  /** Shorter code and exchange lifetimes in tests. */
  timings?: Partial<AccessTimings>;
}

export interface BrowserServer {
  port: number;
  accessKey: string;
  /** The address to open: it carries the access key. */
  url: string;
  /** An address for the system browser: a one-time code that expires in seconds, never the key. */
  launchUrl(): string;
  close(): Promise<void>;
}

/** Images travel inside chat:send, so a message may be large; anything beyond this is refused. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
const HOST = '127.0.0.1';

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const server = createServer();
  // The page offers 'parley' plus its secret as subprotocols; only 'parley' is ever echoed back.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (offered) => (offered.has(WIRE_PROTOCOL) ? WIRE_PROTOCOL : false),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const gate = new AccessGate(port, options.accessKey, options.timings);
  const headers = securityHeaders(port);
  /** Which session secret opened each socket, so signing out closes that browser's sockets. */
  const socketSecrets = new Map<WebSocket, string | undefined>();
  const signedOut = (secret: string): void => {
    for (const [ws, used] of socketSecrets) if (used === secret) ws.close(4401, 'Signed out');
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    handleRequest(request, response, gate, options.staticDir, signedOut, options.services.browserData).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal error.');
      else response.destroy();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = upgradeRefusal(request, gate);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      socketSecrets.set(ws, gate.secretFromProtocols(request));
      ws.once('close', () => socketSecrets.delete(ws));
      options.hub.add(ws);
      serveCalls(ws, options.services);
    });
  });

  return {
    port,
    accessKey: gate.key,
    url: `http://${HOST}:${port}/?key=${gate.key}`,
    launchUrl: () => `http://${HOST}:${port}/?code=${gate.mintCode()}`,
    close: async () => {
      options.hub.closeAll();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  gate: AccessGate,
  root: string,
  signedOut: (secret: string) => void,
  data?: BrowserData,
): Promise<void> {
  if (!gate.hostAllowed(request)) {
    sendText(response, 403, 'Forbidden: Parley answers only to 127.0.0.1 and localhost.');
    return;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (request.method === 'POST' && url.pathname.startsWith(API_PREFIX)) {
    answerApi(request, response, gate, url.pathname, signedOut);
    return;
  }
  if (data && (await handleDataRoute(request, response, gate, data))) return;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  const key = url.searchParams.get('key');
  const code = url.searchParams.get('code');
  if (key !== null || code !== null) {
    const valid = key !== null ? gate.keyMatches(key) : gate.useCode(code);
    if (!valid) {
      const what = key !== null ? 'that access key is wrong' : 'that one-time link has expired or was used already';
      sendText(response, 403, `Forbidden: ${what}. Use the address Parley printed in the terminal.`);
      return;
    }
    // A cookie for the app's files, and the secret out of the address bar.
    url.searchParams.delete('key');
    url.searchParams.delete('code');
    response.writeHead(303, { 'Set-Cookie': gate.issueCookie(), Location: `${url.pathname}${url.search}`, 'Cache-Control': 'no-store' });
    response.end();
    return;
  }
  // Where a page without a session secret (a new tab, after signing out) is sent.
  if (!gate.hasSession(request) || url.pathname === SIGN_IN_PATH) {
    sendText(response, 401, 'Parley: open the address printed in the terminal (it carries the access key).');
    return;
  }
  await sendStaticFile(response, root, url.pathname, request.method === 'HEAD');
}

const API_PREFIX = '/api/';
const SIGN_IN_PATH = '/signin';

/** POST /api/session (the cookie, once, for the session secret) and POST /api/signout (the secret in a header). */
function answerApi(request: IncomingMessage, response: ServerResponse, gate: AccessGate, path: string, signedOut: (secret: string) => void): void {
  request.resume();
  if (!gate.originAllowed(request)) {
    sendText(response, 403, 'Forbidden: a foreign Origin.');
    return;
  }
  if (path === '/api/session') {
    // null (not an error status, which the page's console would show after every reload): nothing
    // to trade, the page keeps the secret it has, or opens the printed address again.
    sendJson(response, 200, { secret: gate.exchange(request) });
    return;
  }
  if (path === '/api/signout') {
    const header = request.headers[SESSION_HEADER];
    const secret = typeof header === 'string' ? header : '';
    if (!gate.endSession(request, secret)) {
      sendText(response, 401, 'Parley: this page is not signed in.');
      return;
    }
    signedOut(secret);
    sendJson(response, 200, { signedOut: true }, { 'Set-Cookie': gate.clearedCookie() });
    return;
  }
  sendText(response, 404, 'Not found.');
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/** Why a WebSocket upgrade is refused, as a status line; null lets it through. The cookie alone is
 *  not enough: the session secret (or the key itself) must come with the handshake. */
function upgradeRefusal(request: IncomingMessage, gate: AccessGate): string | null {
  if (!gate.hostAllowed(request) || !gate.originAllowed(request)) return '403 Forbidden';
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== WIRE_PATH) return '404 Not Found';
  if (gate.keyMatches(url.searchParams.get('key'))) return null;
  if (!gate.hasSession(request) || !gate.secretValid(gate.secretFromProtocols(request))) return '401 Unauthorized';
  return null;
}

function securityHeaders(port: number): Record<string, string> {
  const sockets = `ws://127.0.0.1:${port} ws://localhost:${port}`;
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      `connect-src 'self' ${sockets}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
