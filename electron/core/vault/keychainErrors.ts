export class KeychainTimeoutError extends Error {
  readonly ms: number;
  constructor(ms: number) {
    super(`the keychain did not answer within ${Math.round(ms / 1000)} seconds`);
    this.name = 'KeychainTimeoutError';
    this.ms = ms;
  }
}

/** A keychain call that waits on a locked-keyring prompt must not freeze the app. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new KeychainTimeoutError(ms)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Turns what keytar/libsecret say into a sentence a person can act on. */
export function describeKeychainError(error: unknown, stage: 'load' | 'use'): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (error instanceof KeychainTimeoutError) {
    return `The system keychain did not answer within ${Math.round(error.ms / 1000)} seconds; it may be locked and waiting for a password.`;
  }
  if (stage === 'load') {
    return `The system keychain cannot be used: Parley's keychain module failed to load (${raw}).`;
  }
  if (/D-?Bus|DISPLAY|org\.freedesktop\.secrets|ServiceUnknown|Secret Service|secret service/i.test(raw)) {
    return 'No system keychain is running on this desktop (no Secret Service such as GNOME Keyring or KWallet answered).';
  }
  if (/locked|unlock|cancel|dismiss|denied|not allowed/i.test(raw)) {
    return `The system keychain is locked or refused access (${raw}).`;
  }
  return `The system keychain failed (${raw}).`;
}

export const SESSION_ONLY_HINT = 'You can keep the token for this session only instead: it stays in memory until Parley quits.';
