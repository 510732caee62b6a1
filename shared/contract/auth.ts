import { z } from 'zod';

export const TokenSourceSchema = z.enum(['keychain', 'session', 'env', 'none']);

/** All the renderer ever learns about the token. */
export const AuthStatusSchema = z.object({
  hasToken: z.boolean(),
  source: TokenSourceSchema,
  keychain: z.object({ available: z.boolean(), message: z.string().optional() }),
});
export type AuthStatus = z.infer<typeof AuthStatusSchema>;

export const SetTokenInputSchema = z
  .object({
    token: z
      .string()
      .trim()
      .min(1, 'Paste your API token first.')
      .max(4096, 'That token is too long.')
      .refine((t) => !/\s/.test(t), 'An API token has no spaces or line breaks.'),
    /** keychain: saved in the OS keychain; session: kept in memory until Parley quits. */
    storage: z.enum(['keychain', 'session']).default('keychain'),
    /** Whose token this is (providers:list); omitted means the default provider. */
    providerId: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

/** Omitted (or no providerId) means the default provider. */
const ProviderRefSchema = z
  .object({ providerId: z.string().trim().min(1).max(100).optional() })
  .strict()
  .optional();

export const authCalls = {
  'auth:status': { input: ProviderRefSchema, output: AuthStatusSchema },
  'auth:setToken': { input: SetTokenInputSchema, output: AuthStatusSchema },
  'auth:clearToken': { input: ProviderRefSchema, output: AuthStatusSchema },
} as const;

export const authEvents = {} as const;
