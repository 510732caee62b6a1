// `npm run serve`: Parley's services in plain Node, its renderer in the system browser.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../paths.ts';
import { usePrivateUmask } from '../privateFiles.ts';
import { createServices, type Services } from '../services.ts';
import { createConfBackend } from '../settings/confBackend.ts';
import { keychainWithFallback } from '../vault/fallbackKeychain.ts';
import { loadKeytar } from '../vault/keychain.ts';
import { USAGE, parseServeArgs } from './args.ts';
import { openBrowser } from './openBrowser.ts';
import { startBrowserServer, type BrowserServer } from './server.ts';
import { SocketHub } from './socketHub.ts';

// Built as out/main/serve.js: the renderer sits in out/renderer, package.json two folders up.
const here = import.meta.dirname;

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<number> {
  const parsed = parseServeArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    console.error(`parley serve: ${parsed.message}`);
    return 2;
  }
  const { port, open } = parsed.args;
  usePrivateUmask();
  const dataDir = parsed.args.dataDir ? resolve(parsed.args.dataDir) : defaultDataDir();

  const hub = new SocketHub();
  let services: Services;
  try {
    services = await createServices({
      mode: 'browser',
      dataDir,
      version: appVersion(),
      env: process.env,
      settingsBackend: createConfBackend,
      // No safeStorage without Electron: where keytar cannot load, tokens are kept for this session only.
      keychain: keychainWithFallback({ primary: loadKeytar }),
      events: hub,
    });
  } catch (error) {
    console.error(`parley serve: could not start the services in ${dataDir}: ${(error as Error).message}`);
    return 1;
  }

  let server: BrowserServer;
  try {
    server = await startBrowserServer({ services, hub, port, staticDir: join(here, '..', 'renderer') });
  } catch (error) {
    await services.close();
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${port} is already in use (try --port 0 for any free port)` : (error as Error).message;
    console.error(`parley serve: could not start the server: ${why}`);
    return 1;
  }

  console.log(`Parley is running in browser mode (data: ${dataDir}). Open this address:`);
  console.log(server.url);
  for (const notice of services.notices) console.log(`[${notice.level}] ${notice.message}`);
  console.log('Press Ctrl+C to stop.');
  // Never the key: process arguments are visible to every user (ps). A one-time code expires in seconds.
  if (open) openBrowser(server.launchUrl());

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      console.log(`\nParley: ${signal} received, closing.`);
      void server
        .close()
        .then(() => services.close())
        .then(
          () => done(0),
          (error: unknown) => {
            console.error(`parley serve: error while closing: ${(error as Error).message}`);
            done(1);
          },
        );
    };
    // `on`, not `once`: a second Ctrl+C while closing must not kill the process mid-save.
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`parley serve: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
