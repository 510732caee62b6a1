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

/** What a cheap request with a token (before saving it) found. unchecked: the provider could not be
 *  asked (offline, no such endpoint); the token may still be fine. */
export const TokenCheckSchema = z.object({
  verdict: z.enum(['valid', 'invalid', 'no_credits', 'unchecked']),
  message: z.string(),
  /** Where to get a new key (invalid) or top up (no_credits), where Parley knows the provider. */
  helpUrl: z.string().url().optional(),
});
export type TokenCheck = z.infer<typeof TokenCheckSchema>;

export const CheckTokenInputSchema = z
  .object({
    token: SetTokenInputSchema.shape.token,
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
  /** Tries a token against the provider (GET /credits, else GET /models) without saving it. */
  'auth:checkToken': { input: CheckTokenInputSchema, output: TokenCheckSchema },
} as const;

export const authEvents = {} as const;
