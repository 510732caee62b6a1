import { spawn } from 'node:child_process';

/** Best effort: a machine without a desktop still has the URL printed in the terminal. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', `"${url}"`]]
        : ['xdg-open', [url]];
  try {
    // Verbatim on Windows so cmd sees `start "" "URL"` exactly (the empty title, then the quoted URL).
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true, windowsVerbatimArguments: platform === 'win32' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // ignored: opening a browser is a convenience
  }
}
