import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WIRE_PATH } from '../../../shared/wire.ts';
import type { BrowserData } from '../services.ts';
import { AccessGate } from './access.ts';
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
}

export interface BrowserServer {
  port: number;
  accessKey: string;
  /** The address to open: it carries the access key. */
  url: string;
  close(): Promise<void>;
}

/** Images travel inside chat:send, so a message may be large; anything beyond this is refused. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
const HOST = '127.0.0.1';

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const gate = new AccessGate(port, options.accessKey);
  const headers = securityHeaders(port);

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    handleRequest(request, response, gate, options.staticDir, options.services.browserData).catch(() => {
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
      options.hub.add(ws);
      serveCalls(ws, options.services);
    });
  });

  return {
    port,
    accessKey: gate.key,
    url: `http://${HOST}:${port}/?key=${gate.key}`,
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

async function handleRequest(request: IncomingMessage, response: ServerResponse, gate: AccessGate, root: string, data?: BrowserData): Promise<void> {
  if (!gate.hostAllowed(request)) {
    sendText(response, 403, 'Forbidden: Parley answers only to 127.0.0.1 and localhost.');
    return;
  }
  if (data && (await handleDataRoute(request, response, gate, data))) return;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const key = url.searchParams.get('key');
  if (key !== null) {
    if (!gate.keyMatches(key)) {
      sendText(response, 403, 'Forbidden: that access key is wrong. Use the address Parley printed in the terminal.');
      return;
    }
    // Exchange the key for a cookie and take it out of the address bar (and the history).
    url.searchParams.delete('key');
    response.writeHead(303, { 'Set-Cookie': gate.sessionCookie(), Location: `${url.pathname}${url.search}`, 'Cache-Control': 'no-store' });
    response.end();
    return;
  }
  if (!gate.hasSession(request)) {
    sendText(response, 401, 'Parley: open the address printed in the terminal (it carries the access key).');
    return;
  }
  await sendStaticFile(response, root, url.pathname, request.method === 'HEAD');
}

/** Why a WebSocket upgrade is refused, as a status line; null lets it through. */
function upgradeRefusal(request: IncomingMessage, gate: AccessGate): string | null {
  if (!gate.hostAllowed(request) || !gate.originAllowed(request)) return '403 Forbidden';
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== WIRE_PATH) return '404 Not Found';
  if (!gate.hasSession(request) && !gate.keyMatches(url.searchParams.get('key'))) return '401 Unauthorized';
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
