// Pure (no electron import) so it can be unit-tested in plain Node.
import { windowKindOfPath, type WindowKind } from '../../shared/contract/windows.ts';

/** What the check needs of Electron's WebFrameMain. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

export interface TrustedRenderer {
  /** file://…/out/renderer/index.html of this install. */
  packagedIndexUrl: string;
  /** Other pages of this install that may call too (file://…/out/renderer/quick.html). */
  otherPackagedUrls?: readonly string[];
  /** ELECTRON_RENDERER_URL while developing; never set in a packaged app. */
  devServerUrl?: string;
}

/** Only our own page, in a top-level frame, may call the services; iframes and foreign pages may not. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, trusted: TrustedRenderer): boolean {
  return senderWindow(frame, trusted) !== null;
}

/** Which of Parley's windows a call comes from (each has its own list of calls), or null for a
 *  frame that is not one of our pages. */
export function senderWindow(frame: SenderFrameLike | null | undefined, trusted: TrustedRenderer): WindowKind | null {
  if (!frame || frame.parent !== null) return null;
  const url = parseUrl(frame.url);
  if (!url) return null;
  if (url.protocol === 'file:') {
    // Query and hash are ours to use (e.g. which conversation); the file itself must match exactly.
    const page = [trusted.packagedIndexUrl, ...(trusted.otherPackagedUrls ?? [])].find((candidate) => {
      const expected = parseUrl(candidate);
      return expected !== null && expected.protocol === 'file:' && expected.host === url.host && samePath(expected.pathname, url.pathname);
    });
    if (page === undefined) return null;
    return page === trusted.packagedIndexUrl ? 'main' : windowKindOfPath(url.pathname);
  }
  if (trusted.devServerUrl && (url.protocol === 'http:' || url.protocol === 'https:')) {
    const dev = parseUrl(trusted.devServerUrl);
    return dev !== null && dev.origin === url.origin ? windowKindOfPath(url.pathname) : null;
  }
  return null;
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
