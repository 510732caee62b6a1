/** `npm run serve` options, parsed without side effects so they can be unit-tested. */
export interface ServeArgs {
  port: number;
  /** null: the desktop app's data folder. */
  dataDir: string | null;
  open: boolean;
}

export type ParsedArgs = { kind: 'run'; args: ServeArgs } | { kind: 'help' } | { kind: 'error'; message: string };

export const DEFAULT_PORT = 4318;

export const USAGE = `Usage: npm run serve -- [options]

Runs Parley in your browser: a local server on 127.0.0.1 serves the app, and the printed address
(with its access key) opens it.

Options:
  --port N          Port to listen on (default ${DEFAULT_PORT}; 0 picks any free port)
  --data-dir DIR    Folder for settings.json and parley.db (default: the desktop app's folder)
  --no-open         Do not open the system browser
  --help            Show this help`;

export function parseServeArgs(argv: readonly string[]): ParsedArgs {
  const args: ServeArgs = { port: DEFAULT_PORT, dataDir: null, open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i++;
      return next;
    };
    switch (name) {
      case '--help':
      case '-h':
        return { kind: 'help' };
      case '--no-open':
        if (inline !== undefined) return { kind: 'error', message: '--no-open takes no value.' };
        args.open = false;
        break;
      case '--port': {
        const value = takeValue();
        if (value === undefined) return { kind: 'error', message: '--port needs a number, for example --port 4318.' };
        if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
          return { kind: 'error', message: `--port must be a whole number from 0 to 65535, not "${value}".` };
        }
        args.port = Number(value);
        break;
      }
      case '--data-dir': {
        const value = takeValue();
        if (value === undefined || value.trim() === '') {
          return { kind: 'error', message: '--data-dir needs a folder, for example --data-dir ~/parley-data.' };
        }
        args.dataDir = value;
        break;
      }
      default:
        return { kind: 'error', message: `Unknown option "${arg}". Run with --help to see the options.` };
    }
  }
  return { kind: 'run', args };
}
