import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, type TrustedRenderer } from '../../electron/main/senderCheck.ts';
import { isExternalWebUrl, secureWebPreferences } from '../../electron/main/webPreferences.ts';

const indexUrl = pathToFileURL('/opt/Parley app/resources/app/out/renderer/index.html').href;
const packaged: TrustedRenderer = { packagedIndexUrl: indexUrl };
const dev: TrustedRenderer = { packagedIndexUrl: indexUrl, devServerUrl: 'http://localhost:5173/' };
const top = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('accepts our packaged index.html in a top-level frame, with any query or hash', () => {
    expect(indexUrl).toContain('Parley%20app');
    expect(isTrustedSender(top(indexUrl), packaged)).toBe(true);
    expect(isTrustedSender(top(`${indexUrl}?window=quick#/c/1`), packaged)).toBe(true);
  });

  it('refuses a missing frame and any subframe, even of our own page', () => {
    expect(isTrustedSender(null, packaged)).toBe(false);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
    expect(isTrustedSender({ url: indexUrl, parent: { url: indexUrl } }, packaged)).toBe(false);
  });

  it('refuses other local files and other pages', () => {
    expect(isTrustedSender(top(pathToFileURL('/opt/Parley app/resources/app/out/renderer/other.html').href), packaged)).toBe(false);
    expect(isTrustedSender(top(pathToFileURL('/tmp/index.html').href), packaged)).toBe(false);
    expect(isTrustedSender(top('file://evil-host/opt/Parley%20app/resources/app/out/renderer/index.html'), packaged)).toBe(false);
    expect(isTrustedSender(top('https://example.com/'), packaged)).toBe(false);
    expect(isTrustedSender(top('about:blank'), packaged)).toBe(false);
    expect(isTrustedSender(top('not a url'), packaged)).toBe(false);
  });

  it('accepts the dev server origin only when one is configured', () => {
    expect(isTrustedSender(top('http://localhost:5173/'), packaged)).toBe(false);
    expect(isTrustedSender(top('http://localhost:5173/?window=quick'), dev)).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/'), dev)).toBe(false);
    expect(isTrustedSender(top('http://127.0.0.1:5173/'), dev)).toBe(false);
    expect(isTrustedSender(top('https://localhost:5173/'), dev)).toBe(false);
    expect(isTrustedSender(top(indexUrl), dev)).toBe(true);
  });
});

describe('window security', () => {
  it('gives every window the locked-down webPreferences', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('hands only http(s) links to the system browser', () => {
    expect(isExternalWebUrl('https://evolink.ai/docs')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://server/share')).toBe(false);
    expect(isExternalWebUrl('nonsense')).toBe(false);
  });
});
