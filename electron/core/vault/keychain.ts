/** The three keychain calls the vault needs; keytar in the app, anything alike in tests. */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** May reject: keytar is a native module that can fail to load (wrong ABI, missing libsecret). */
export type KeychainLoader = () => Promise<Keychain>;

function isKeychain(value: unknown): value is Keychain {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.getPassword === 'function' &&
    typeof candidate.setPassword === 'function' &&
    typeof candidate.deletePassword === 'function'
  );
}

export const loadKeytar: KeychainLoader = async () => {
  const module: { default?: unknown } = await import('keytar');
  // keytar is CommonJS: under ESM its functions sit on the default export.
  const keytar = isKeychain(module.default) ? module.default : module;
  if (!isKeychain(keytar)) throw new Error('the keytar module does not offer getPassword/setPassword/deletePassword');
  return {
    getPassword: (service, account) => keytar.getPassword(service, account),
    setPassword: (service, account, password) => keytar.setPassword(service, account, password),
    deletePassword: (service, account) => keytar.deletePassword(service, account),
  };
};
