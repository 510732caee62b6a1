import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { openSettings } from '../../electron/core/settings/openSettings.ts';
import { AppErrorException } from '../../shared/errors.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-settings-'));
  file = join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (env: NodeJS.ProcessEnv = {}) => openSettings({ filePath: file, createBackend: createConfBackend, env });
const onDisk = (): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const asideFiles = () => readdirSync(dir).filter((name) => name.startsWith('settings.json.invalid-'));

function errorOf(fn: () => unknown): AppErrorException {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppErrorException) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('settings on a real file (conf)', () => {
  it('starts from the defaults when there is no file', () => {
    const settings = open();
    expect(settings.current()).toEqual(DEFAULT_SETTINGS);
    expect(settings.notices).toEqual([]);
    expect(settings.view()).toEqual({
      settings: DEFAULT_SETTINGS,
      effectiveBaseUrl: DEFAULT_SETTINGS.apiBaseUrl,
      overriddenByEnv: { apiBaseUrl: false, token: false },
    });
  });

  it('writes updates through to the file and reads them back on the next start', () => {
    const view = open().update({ model: 'gpt-4o-mini', temperature: 0.7, topK: 40, apiBaseUrl: 'http://127.0.0.1:9/v1' });
    expect(view.settings).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.7, topK: 40 });
    expect(onDisk()).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.7, topK: 40, apiBaseUrl: 'http://127.0.0.1:9/v1' });

    const again = open();
    expect(again.current()).toEqual({ ...DEFAULT_SETTINGS, model: 'gpt-4o-mini', temperature: 0.7, topK: 40, apiBaseUrl: 'http://127.0.0.1:9/v1' });
    expect(again.effectiveBaseUrl()).toBe('http://127.0.0.1:9/v1');
  });

  it('clears a sampling value with null, in memory and on disk', () => {
    const settings = open();
    settings.update({ temperature: 1.2, topP: 0.5 });
    const view = settings.update({ temperature: null });
    expect(view.settings.temperature).toBeUndefined();
    expect(view.settings.topP).toBe(0.5);
    expect(onDisk()).not.toHaveProperty('temperature');
    expect(open().current().temperature).toBeUndefined();
  });

  it('refuses an invalid result with invalid_input and zod’s message, leaving the file as it was', () => {
    const settings = open();
    settings.update({ model: 'kept' });
    const error = errorOf(() => settings.update({ temperature: 5 }));
    expect(error.error).toEqual({ code: 'invalid_input', message: 'Temperature must be between 0 and 2.' });
    expect(errorOf(() => settings.update({ apiBaseUrl: 'ftp://example.com' })).error.code).toBe('invalid_input');
    expect(settings.current().temperature).toBeUndefined();
    expect(onDisk()).toMatchObject({ model: 'kept' });
    expect(onDisk()).not.toHaveProperty('temperature');
  });

  it('moves a file that is not JSON aside, keeps its content, and warns with the new path', () => {
    writeFileSync(file, '{ "model": "gpt-4o", oops');
    const settings = open();
    expect(settings.current()).toEqual(DEFAULT_SETTINGS);
    const aside = asideFiles();
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] as string), 'utf8')).toBe('{ "model": "gpt-4o", oops');
    expect(settings.notices).toHaveLength(1);
    expect(settings.notices[0]).toMatchObject({ level: 'warning' });
    expect(settings.notices[0]?.message).toContain('not valid JSON');
    expect(settings.notices[0]?.message).toContain(join(dir, aside[0] as string));
    // The app goes on: a fresh file is written and updates work.
    expect(settings.update({ model: 'after-repair' }).settings.model).toBe('after-repair');
    expect(onDisk()).toMatchObject({ model: 'after-repair' });
  });

  it('moves aside a file whose values break the schema', () => {
    writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, temperature: 'hot' }));
    const settings = open();
    expect(settings.current()).toEqual(DEFAULT_SETTINGS);
    expect(asideFiles()).toHaveLength(1);
    expect(settings.notices[0]?.message).toMatch(/temperature/i);
  });

  it('moves aside a file that holds JSON but not an object', () => {
    writeFileSync(file, '[1, 2, 3]');
    expect(open().current()).toEqual(DEFAULT_SETTINGS);
    expect(asideFiles()).toHaveLength(1);
  });

  it('fills missing keys from the defaults and drops unknown keys without moving the file', () => {
    writeFileSync(file, JSON.stringify({ model: 'my-model', somethingOld: true, apiToken: 'sk-should-not-be-here' }));
    const settings = open();
    expect(settings.current()).toEqual({ ...DEFAULT_SETTINGS, model: 'my-model' });
    expect(settings.notices).toEqual([]);
    expect(asideFiles()).toEqual([]);
    settings.update({ stream: false });
    expect(onDisk()).toEqual({ ...DEFAULT_SETTINGS, model: 'my-model', stream: false });
  });

  it('lets PARLEY_API_BASE_URL override the base URL and reports PARLEY_API_TOKEN', () => {
    const settings = open({ PARLEY_API_BASE_URL: 'http://127.0.0.1:1234/v1', PARLEY_API_TOKEN: 'sk-env' });
    expect(settings.effectiveBaseUrl()).toBe('http://127.0.0.1:1234/v1');
    const view = settings.update({ apiBaseUrl: 'https://example.com/v1' });
    expect(view.settings.apiBaseUrl).toBe('https://example.com/v1');
    expect(view.effectiveBaseUrl).toBe('http://127.0.0.1:1234/v1');
    expect(view.overriddenByEnv).toEqual({ apiBaseUrl: true, token: true });
    // The token is never written into the settings file.
    expect(readFileSync(file, 'utf8')).not.toContain('sk-env');
  });

  it('ignores an unusable PARLEY_API_BASE_URL with a notice', () => {
    const settings = open({ PARLEY_API_BASE_URL: 'not a url' });
    expect(settings.effectiveBaseUrl()).toBe(DEFAULT_SETTINGS.apiBaseUrl);
    expect(settings.view().overriddenByEnv.apiBaseUrl).toBe(false);
    expect(settings.notices.map((n) => n.message).join(' ')).toContain('PARLEY_API_BASE_URL');
  });

  it('keeps running on defaults when the backend cannot be created', () => {
    const settings = openSettings({
      filePath: file,
      env: {},
      createBackend: () => {
        throw new Error('disk on fire');
      },
    });
    expect(settings.current()).toEqual(DEFAULT_SETTINGS);
    expect(settings.notices[0]?.message).toContain('disk on fire');
    expect(settings.update({ model: 'memory-only' }).settings.model).toBe('memory-only');
    expect(existsSync(file)).toBe(false);
  });

  it('has conf refuse, by its JSON schema, a value the zod schema forbids', () => {
    const backend = createConfBackend(file);
    expect(backend.path).toBe(file);
    expect(() => backend.write({ ...DEFAULT_SETTINGS, topP: 3 } as Settings)).toThrow();
    expect(() => backend.write({ ...DEFAULT_SETTINGS, model: '' })).toThrow();
    backend.write({ ...DEFAULT_SETTINGS, topP: 0.3 });
    expect(onDisk()).toMatchObject({ topP: 0.3 });
  });
});
