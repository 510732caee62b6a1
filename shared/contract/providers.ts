import { z } from 'zod';
import { ProviderSchema } from '../settings.ts';
import { TokenCheckSchema, TokenSourceSchema } from './auth.ts';

/** A saved provider as the Settings screen shows it; the token itself never leaves main. */
export const ProviderViewSchema = ProviderSchema.extend({
  /** The URL requests really go to (PARLEY_API_BASE_URL overrides the default provider's). */
  effectiveBaseUrl: z.string(),
  isDefault: z.boolean(),
  hasToken: z.boolean(),
  tokenSource: TokenSourceSchema,
});
export type ProviderView = z.infer<typeof ProviderViewSchema>;

export const ProviderListSchema = z.object({
  providers: z.array(ProviderViewSchema),
  defaultProviderId: z.string(),
});
export type ProviderList = z.infer<typeof ProviderListSchema>;

export const SaveProviderInputSchema = z
  .object({
    /** Omit to add a new provider. */
    id: z.string().trim().min(1).max(100).optional(),
    name: ProviderSchema.shape.name,
    baseUrl: ProviderSchema.shape.baseUrl,
    /** When the base URL moves to another origin while a token is stored: true keeps the token, false
     *  drops it (enter it again); omitted, the call fails with confirm_required. The desktop app asks
     *  with its own dialog instead and ignores this. */
    keepToken: z.boolean().optional(),
  })
  .strict();

const ProviderRefSchema = z.object({ providerId: z.string().trim().min(1).max(100).optional() }).strict().optional();

/** The models a provider offers (GET {baseUrl}/models); unavailable means type the model by hand. */
export const ModelListSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), models: z.array(z.string()) }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);
export type ModelList = z.infer<typeof ModelListSchema>;

/** The account balance where the provider reports it (evolink: GET {baseUrl}/credits). */
export const CreditsSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    /** What the account has left. */
    balance: z.number(),
    /** e.g. "credits" or "USD". */
    currency: z.string(),
    /** What this token may still spend, when the provider limits tokens separately. */
    tokenBalance: z.number().optional(),
    /** The token has no limit of its own. */
    unlimited: z.boolean().optional(),
    /** What the account has used so far, when reported. */
    used: z.number().optional(),
  }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);
export type Credits = z.infer<typeof CreditsSchema>;

const byId = z.object({ id: z.string().trim().min(1).max(100) }).strict();

export const providerCalls = {
  'providers:list': { input: z.undefined(), output: ProviderListSchema },
  /** Adds (no id) or changes a provider; answers it as saved. */
  'providers:save': { input: SaveProviderInputSchema, output: ProviderViewSchema },
  /** Removes a provider and its token; the default provider cannot be removed. */
  'providers:delete': { input: byId, output: ProviderListSchema },
  'providers:setDefault': { input: byId, output: ProviderListSchema },
  'providers:models': { input: ProviderRefSchema, output: ModelListSchema },
  'providers:credits': { input: ProviderRefSchema, output: CreditsSchema },
  /** "Test connection": the provider's saved token, tried as the first run tries a new one. */
  'providers:test': { input: byId, output: TokenCheckSchema },
} as const;

export const providerEvents = {} as const;
