// Pure (no electron import) so it can be unit-tested in plain Node.

/** What the check needs of Electron's WebFrameMain. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export interface TrustedRenderer {
  /** file://…/out/renderer/index.html of this install. */
  packagedIndexUrl: string;
  /** ELECTRON_RENDERER_URL while developing; never set in a packaged app. */
  devServerUrl?: string;
}

/** Only our own page, in a top-level frame, may call the services; iframes and foreign pages may not. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, trusted: TrustedRenderer): boolean {
  if (!frame || frame.parent !== null) return false;
  const url = parseUrl(frame.url);
  if (!url) return false;
  if (url.protocol === 'file:') {
    const expected = parseUrl(trusted.packagedIndexUrl);
    // Query and hash are ours to use (e.g. which window); the file itself must match exactly.
    return expected !== null && expected.protocol === 'file:' && expected.host === url.host && samePath(expected.pathname, url.pathname);
  }
  if (trusted.devServerUrl && (url.protocol === 'http:' || url.protocol === 'https:')) {
    const dev = parseUrl(trusted.devServerUrl);
    return dev !== null && dev.origin === url.origin;
  }
  return false;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return false;
  }
}
