import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKeytar, type Keychain } from '../../electron/core/vault/keychain.ts';
import { TokenVault } from '../../electron/core/vault/TokenVault.ts';
import { AppErrorException, type AppError } from '../../shared/errors.ts';

// A service name of its own per run, so a real keychain entry of the user's is never touched.
const SERVICE = `Parley-test-${randomUUID()}`;
const ACCOUNT = 'api-token';

async function probeRealKeychain(): Promise<{ ok: true; keychain: Keychain } | { ok: false; reason: string }> {
  try {
    const keychain = await loadKeytar();
    await keychain.getPassword(SERVICE, ACCOUNT);
    return { ok: true, keychain };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
const real = await probeRealKeychain();

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppErrorException) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A keychain in memory: the edge this machine may not have, with the same shape. */
function memoryKeychain(initial: Record<string, string> = {}): Keychain & { entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
  };
}

describe.skipIf(!real.ok)(
  `TokenVault on the real OS keychain${real.ok ? '' : ` — skipped: no reachable keychain (${real.reason})`}`,
  () => {
    const keychain = real.ok ? real.keychain : undefined;
    const create = () => TokenVault.create({ loadKeychain: async () => keychain as Keychain, service: SERVICE });
    afterAll(async () => {
      await keychain?.deletePassword(SERVICE, ACCOUNT);
    });

    it('starts with no token and a reachable keychain', async () => {
      expect(await (await create()).status()).toEqual({ hasToken: false, source: 'none', keychain: { available: true } });
    });

    it('saves, reads back (also from a new vault) and clears a token in the keychain', async () => {
      const vault = await create();
      expect(await vault.setToken('sk-real-keychain-1', 'keychain')).toEqual({
        hasToken: true,
        source: 'keychain',
        keychain: { available: true },
      });
      expect(await vault.getToken()).toBe('sk-real-keychain-1');
      expect(await keychain?.getPassword(SERVICE, ACCOUNT)).toBe('sk-real-keychain-1');

      const restarted = await create();
      expect(await restarted.getToken()).toBe('sk-real-keychain-1');
      expect((await restarted.status()).source).toBe('keychain');

      expect(await restarted.clearToken()).toMatchObject({ hasToken: false, source: 'none' });
      expect(await keychain?.getPassword(SERVICE, ACCOUNT)).toBeNull();
      expect(await (await create()).getToken()).toBeUndefined();
    });

    it('uses the default service "Parley" when none is given, via the real loader', async () => {
      const vault = await TokenVault.create({ loadKeychain: loadKeytar });
      expect((await vault.status()).keychain).toEqual({ available: true });
    });
  },
);

describe('TokenVault order and failures (in-test keychains)', () => {
  it('prefers env over session over keychain', async () => {
    const keychain = memoryKeychain({ [`${SERVICE}/${ACCOUNT}`]: 'from-keychain' });
    const vault = await TokenVault.create({ loadKeychain: async () => keychain, service: SERVICE });
    expect(await vault.getToken()).toBe('from-keychain');
    expect((await vault.status()).source).toBe('keychain');

    await vault.setToken('from-session', 'session');
    expect(await vault.getToken()).toBe('from-session');
    expect((await vault.status()).source).toBe('session');
    expect(keychain.entries.get(`${SERVICE}/${ACCOUNT}`)).toBe('from-keychain');

    const withEnv = await TokenVault.create({ loadKeychain: async () => keychain, service: SERVICE, envToken: ' from-env ' });
    await withEnv.setToken('from-session', 'session');
    expect(await withEnv.getToken()).toBe('from-env');
    expect(await withEnv.status()).toEqual({ hasToken: true, source: 'env', keychain: { available: true } });
  });

  it('lets a keychain save replace a session token, and clear remove both', async () => {
    const keychain = memoryKeychain();
    const vault = await TokenVault.create({ loadKeychain: async () => keychain, service: SERVICE });
    await vault.setToken('session-one', 'session');
    expect(await vault.setToken('saved-one', 'keychain')).toMatchObject({ source: 'keychain' });
    expect(await vault.getToken()).toBe('saved-one');
    expect(await vault.clearToken()).toMatchObject({ hasToken: false, source: 'none' });
    expect(keychain.entries.size).toBe(0);
  });

  it('reports a keychain module that fails to load, refuses keychain saves, and offers the session', async () => {
    const vault = await TokenVault.create({
      loadKeychain: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    });
    const status = await vault.status();
    expect(status.keychain.available).toBe(false);
    expect(status.keychain.message).toContain('failed to load');
    expect(status.keychain.message).toContain('libsecret');

    const error = await errorOf(vault.setToken('sk-1', 'keychain'));
    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).toMatch(/session only/i);
    expect(await vault.getToken()).toBeUndefined();

    expect(await vault.setToken('sk-1', 'session')).toMatchObject({ hasToken: true, source: 'session' });
    expect(await vault.getToken()).toBe('sk-1');
    expect(await vault.clearToken()).toMatchObject({ hasToken: false });
  });

  it('explains a desktop without a Secret Service in plain words', async () => {
    const noDbus: Keychain = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    };
    const vault = await TokenVault.create({ loadKeychain: async () => noDbus });
    const status = await vault.status();
    expect(status).toMatchObject({ hasToken: false, source: 'none', keychain: { available: false } });
    expect(status.keychain.message).toMatch(/No system keychain is running/);
    expect((await errorOf(vault.setToken('sk-2', 'keychain'))).code).toBe('keychain_unavailable');
  });

  it('times out a keychain that never answers (a locked keyring prompt) instead of freezing', async () => {
    const never = new Promise<never>(() => {});
    const hanging: Keychain = { getPassword: () => never, setPassword: () => never, deletePassword: () => never };
    const vault = await TokenVault.create({ loadKeychain: async () => hanging, timeoutMs: 100 });
    const status = await vault.status();
    expect(status.keychain.available).toBe(false);
    expect(status.keychain.message).toMatch(/did not answer/);
    const error = await errorOf(vault.setToken('sk-3', 'keychain'));
    expect(error.code).toBe('keychain_unavailable');
    expect(error.message).toMatch(/locked/);
  });

  it('refuses a keychain save that fails after a good start, and does not keep the token', async () => {
    const keychain = memoryKeychain();
    keychain.setPassword = () => Promise.reject(new Error('The collection is locked.'));
    const vault = await TokenVault.create({ loadKeychain: async () => keychain });
    expect((await vault.status()).keychain.available).toBe(true);
    const error = await errorOf(vault.setToken('sk-4', 'keychain'));
    expect(error).toMatchObject({ code: 'keychain_unavailable' });
    expect(error.message).toMatch(/locked/);
    expect(await vault.getToken()).toBeUndefined();
    expect(await vault.status()).toMatchObject({ hasToken: false, keychain: { available: false } });
  });
});
