import { describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../electron/core/api/dispatch.ts';
import { fail } from '../../shared/errors.ts';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const notCalled = () => {
    throw new Error('not expected in this test');
  };
  const base = Object.fromEntries(
    ['app:info', 'app:dismissNotice', 'auth:status', 'auth:setToken', 'auth:clearToken', 'chat:send', 'chat:cancel',
      'conversations:list', 'conversations:create', 'conversations:get', 'settings:get', 'settings:update'].map((c) => [c, notCalled]),
  );
  return { ...base, ...overrides } as Handlers;
}

const quiet = { error: () => undefined };

describe('dispatch', () => {
  it('refuses unknown channels and invalid input without calling a handler', async () => {
    const dispatch = createDispatch(handlersWith({}), quiet);
    const unknown = await dispatch('fs:readFile', { path: '/etc/passwd' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const bad = await dispatch('settings:update', { temperature: 3 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Temperature must be between 0 and 2. (temperature)' } });
    const extra = await dispatch('chat:cancel', { streamId: 's', evil: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('hands parsed input (defaults applied) to the handler and wraps its value', async () => {
    let seen: unknown;
    const dispatch = createDispatch(
      handlersWith({
        'auth:setToken': (input) => {
          seen = input;
          return { hasToken: true, source: 'keychain', keychain: { available: true } };
        },
      }),
      quiet,
    );
    const result = await dispatch('auth:setToken', { token: '  sk-abc  ' });
    expect(seen).toEqual({ token: 'sk-abc', storage: 'keychain' });
    expect(result).toEqual({ ok: true, value: { hasToken: true, source: 'keychain', keychain: { available: true } } });
  });

  it('turns thrown app errors into values and hides internal errors behind a safe message', async () => {
    const logged: unknown[] = [];
    const dispatch = createDispatch(
      handlersWith({
        'conversations:get': () => fail('not_found_local', 'That conversation no longer exists.'),
        'conversations:list': () => {
          throw new Error('SQLITE_IOERR at /home/u/.config/Parley/parley.db');
        },
      }),
      { error: (_m, err) => logged.push(err) },
    );
    expect(await dispatch('conversations:get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'not_found_local', message: 'That conversation no longer exists.' },
    });
    const internal = await dispatch('conversations:list', undefined);
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('SQLITE_IOERR');
    expect(logged).toHaveLength(1);
  });
});
