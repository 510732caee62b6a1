import { z } from 'zod';
import { AppErrorSchema } from '../errors.ts';

/** Whether the provider answers at all (any HTTP answer counts); not whether the token is good. */
export const ConnectivitySchema = z.object({
  online: z.boolean(),
  /** When this was last checked (ms since the epoch). */
  checkedAt: z.number().int(),
  /** Why the provider is thought offline (code "network" or "timeout"). */
  error: AppErrorSchema.optional(),
});
export type Connectivity = z.infer<typeof ConnectivitySchema>;

// Part of the app domain: window.parley.app.connectivity() and app.onConnectivity(listener).
export const connectivityCalls = {
  /** The current state; checks first when it was never checked, is stale, or recheck is true. */
  'app:connectivity': {
    input: z.object({ recheck: z.boolean().optional() }).strict().optional(),
    output: ConnectivitySchema,
  },
} as const;

export const connectivityEvents = {
  /** Pushed when online flips. */
  'app:connectivity': ConnectivitySchema,
} as const;
