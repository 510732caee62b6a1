import { protocol } from 'electron';

// Message images are loaded by the window from parley-image://image/<sha256>, served here from the
// store worker: they never ride an IPC message, and the page only ever gets bytes of stored images.
export const IMAGE_SCHEME = 'parley-image';
const IMAGE_URL = /^parley-image:\/\/image\/([0-9a-f]{64})$/;

/** Before the app is ready: the scheme is standard and secure (so CSP and <img> treat it as such). */
export function registerImageScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: IMAGE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } }]);
}

export function handleImageProtocol(readImage: (id: string) => Promise<{ mimeType: string; data: Uint8Array } | undefined>): void {
  protocol.handle(IMAGE_SCHEME, async (request) => {
    const id = IMAGE_URL.exec(request.url)?.[1];
    if (!id || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const image = await readImage(id).catch(() => undefined);
    if (!image) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(image.data), {
      headers: { 'Content-Type': image.mimeType, 'Cache-Control': 'private, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
