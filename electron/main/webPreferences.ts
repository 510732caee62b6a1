import type { WebPreferences } from 'electron';

/** The only webPreferences Parley's windows get; tests run with exactly these. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Middle-click would otherwise ask for a new window; every window.open is denied anyway.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
  };
}

/** Links the page may hand to the system browser; everything else is simply refused. */
export function isExternalWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
