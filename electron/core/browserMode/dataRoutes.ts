import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { BrowserData } from '../services.ts';
import type { ExportTicket } from '../transfer/transferStarter.ts';
import type { AccessGate } from './access.ts';
import { imageCapabilityValid } from './imageCapability.ts';
import { sendText } from './staticFiles.ts';

const IMAGE_PATH = /^\/images\/([0-9a-f]{64})$/;
const TRANSFER_PATH = /^\/transfer\/([A-Za-z0-9_-]{16,64})$/;

/** Browser mode's data routes beside the page and the socket: images at capability URLs, and the
 *  one-time URLs of streamed exports (GET, a download) and imports (POST, the file's bytes). False when
 *  the request is for none of them. */
export async function handleDataRoute(request: IncomingMessage, response: ServerResponse, gate: AccessGate, data: BrowserData): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const image = IMAGE_PATH.exec(url.pathname);
  if (image) {
    await sendImage(request, response, image[1]!, url.searchParams.get('t'), data);
    return true;
  }
  const transfer = TRANSFER_PATH.exec(url.pathname);
  if (!transfer) return false;
  // A one-time URL also needs the session: it is only good in the page that asked for it.
  if (!gate.hasSession(request)) {
    sendText(response, 401, 'Parley: open the address printed in the terminal (it carries the access key).');
    return true;
  }
  const ticket = data.transfers.take(transfer[1]!);
  if (!ticket) {
    sendText(response, 404, 'That transfer link was already used or has expired. Start the export or import again.');
    return true;
  }
  if (ticket.export && request.method === 'GET') await sendExport(response, ticket.jobId, ticket.export, data);
  else if (!ticket.export && request.method === 'POST') await receiveImport(request, response, ticket.jobId, data);
  else sendText(response, 405, 'Method not allowed.', { Allow: ticket.export ? 'GET' : 'POST' });
  return true;
}

async function sendImage(request: IncomingMessage, response: ServerResponse, id: string, token: string | null, data: BrowserData): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  if (!imageCapabilityValid(id, token, data.imageSecret)) {
    sendText(response, 403, 'Forbidden: that image address is not valid.');
    return;
  }
  const image = await data.readImage(id);
  if (!image) {
    sendText(response, 404, 'That image is no longer stored.');
    return;
  }
  // Content-addressed: the bytes behind an id never change.
  response.writeHead(200, { 'Content-Type': image.mimeType, 'Content-Length': image.data.byteLength, 'Cache-Control': 'private, max-age=31536000, immutable' });
  response.end(request.method === 'HEAD' ? undefined : Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength));
}

/** The worker writes the export to a temporary file (progress as conversations:transfer), then it is
 *  streamed to the browser and removed. */
async function sendExport(response: ServerResponse, jobId: string, job: ExportTicket, data: BrowserData): Promise<void> {
  const extension = job.input.format === 'json' ? 'json' : 'md';
  const file = data.transfers.tempPath(jobId, extension);
  try {
    const end = await data.transfers.exportTo(jobId, file, job.input);
    if (end.phase !== 'done') {
      sendText(response, end.phase === 'cancelled' ? 409 : 500, end.error?.message ?? 'The export was cancelled.');
      return;
    }
    response.writeHead(200, {
      'Content-Type': extension === 'json' ? 'application/json' : 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="${job.fileName.replace(/[^\w.-]/g, '_')}"`,
      'Content-Length': end.bytes,
      'Cache-Control': 'no-store',
    });
    await pipeline(createReadStream(file), response);
  } finally {
    await rm(file, { force: true });
  }
}

/** The request body goes to a temporary file as it arrives (never one socket message, never all in
 *  memory); the worker then imports it. Answers the import's ending as JSON. */
async function receiveImport(request: IncomingMessage, response: ServerResponse, jobId: string, data: BrowserData): Promise<void> {
  const file = data.transfers.tempPath(jobId, 'upload');
  try {
    await pipeline(request, createWriteStream(file, { flags: 'wx' }));
  } catch {
    await rm(file, { force: true });
    if (!response.headersSent) sendText(response, 400, 'The upload was cut off. Try the import again.');
    return;
  }
  const end = await data.transfers.importFrom(jobId, file);
  response.writeHead(end.phase === 'failed' ? 422 : 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(end));
}
