// The desktop app's own command-line switches, read from process.argv at start and from the argv a
// second launch forwards. Everything else (the executable, the app path in development, Chromium's
// and Electron's switches) is ignored.

export interface LaunchRequest {
  /** `parley --quick`: open the quick prompt instead of the main window. */
  quick: boolean;
}

export const QUICK_SWITCH = '--quick';

export function parseLaunchArgs(argv: readonly string[]): LaunchRequest {
  let quick = false;
  for (const arg of argv) {
    if (arg === '--') break; // what follows is positional, not ours
    if (arg === QUICK_SWITCH) quick = true;
  }
  return { quick };
}

/** The data a launch hands to requestSingleInstanceLock, so the running instance need not re-parse argv. */
export function lockData(request: LaunchRequest): Record<string, unknown> {
  return { parleyLaunch: { quick: request.quick } };
}

/**
 * What a second launch asked for: its lock data when it is ours and well formed (argv can be
 * reordered or rewritten by Chromium on Windows), otherwise its argv.
 */
export function secondLaunchRequest(argv: readonly string[], additionalData: unknown): LaunchRequest {
  if (typeof additionalData === 'object' && additionalData !== null && 'parleyLaunch' in additionalData) {
    const launch = (additionalData as { parleyLaunch: unknown }).parleyLaunch;
    if (typeof launch === 'object' && launch !== null && typeof (launch as { quick?: unknown }).quick === 'boolean') {
      return { quick: (launch as { quick: boolean }).quick };
    }
  }
  return parseLaunchArgs(argv);
}
