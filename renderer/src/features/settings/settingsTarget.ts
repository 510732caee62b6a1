/** Where Settings should open: at a provider (the one a failed reply went to), or at the top. */
export interface SettingsTarget {
  /** A provider's id, or 'default' for whichever is the default. */
  providerId?: string | undefined;
}

export type OpenSettings = (target?: SettingsTarget) => void;

/** A click handler may pass its event along; only a real target counts. */
export function providerIdOf(target: unknown): string | undefined {
  if (typeof target !== 'object' || target === null || !('providerId' in target)) return undefined;
  const { providerId } = target as { providerId?: unknown };
  return typeof providerId === 'string' && providerId ? providerId : undefined;
}
