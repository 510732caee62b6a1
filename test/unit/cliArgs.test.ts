import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseServeArgs } from '../../electron/core/browserMode/args.ts';
import { defaultDataDir } from '../../electron/core/paths.ts';

describe('parseServeArgs', () => {
  it('has defaults: port 4318, the desktop data folder, open the browser', () => {
    expect(parseServeArgs([])).toEqual({ kind: 'run', args: { port: DEFAULT_PORT, dataDir: null, open: true } });
    expect(DEFAULT_PORT).toBe(4318);
  });

  it('reads --port, --data-dir and --no-open, with a space or =', () => {
    expect(parseServeArgs(['--port', '0', '--data-dir', '/tmp/p d', '--no-open'])).toEqual({
      kind: 'run',
      args: { port: 0, dataDir: '/tmp/p d', open: false },
    });
    expect(parseServeArgs(['--port=8080', '--data-dir=rel/dir'])).toEqual({
      kind: 'run',
      args: { port: 8080, dataDir: 'rel/dir', open: true },
    });
    expect(parseServeArgs(['--port', '65535'])).toMatchObject({ kind: 'run', args: { port: 65535 } });
  });

  it('answers --help and -h', () => {
    expect(parseServeArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseServeArgs(['--port', '1', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port'], /--port needs a number/],
    [['--port', 'abc'], /whole number from 0 to 65535, not "abc"/],
    [['--port', '-1'], /not "-1"/],
    [['--port', '65536'], /not "65536"/],
    [['--port', '80.5'], /not "80.5"/],
    [['--port', '--no-open'], /--port needs a number/],
    [['--data-dir'], /--data-dir needs a folder/],
    [['--data-dir='], /--data-dir needs a folder/],
    [['--no-open=yes'], /takes no value/],
    [['--verbose'], /Unknown option "--verbose"/],
    [['serve'], /Unknown option "serve"/],
  ])('refuses %j with one clear line', (argv, message) => {
    const parsed = parseServeArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind !== 'error') return;
    expect(parsed.message).toMatch(message);
    expect(parsed.message).not.toContain('\n');
  });
});

describe('defaultDataDir', () => {
  it('matches where Electron keeps userData for an app named Parley', () => {
    expect(defaultDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Parley');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ann')).toBe('/cfg/Parley');
    expect(defaultDataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Parley');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Parley',
    );
  });
});
