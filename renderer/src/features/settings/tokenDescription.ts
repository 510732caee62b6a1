import type { AuthStatus } from '../../../../shared/contract/auth.ts';

/** Tells whether a token is set and where it lives, never the token itself. */
export function tokenDescription(status: AuthStatus): string {
  switch (status.source) {
    case 'env':
      return 'A token is set by the PARLEY_API_TOKEN environment variable; it wins over one saved here.';
    case 'keychain':
      return 'A token is saved in the system keychain. Paste a new one to replace it.';
    case 'session':
      return 'A token is kept for this session only. Paste a new one to replace it.';
    case 'none':
      return 'No token is set.';
  }
}
