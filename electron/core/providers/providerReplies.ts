import { z } from 'zod';
import type { Credits, ModelList } from '../../../shared/contract/providers.ts';

// What providers answer to GET /models and GET /credits, read leniently: unknown fields are ignored,
// and anything unrecognised means "not available" rather than an error.

const MAX_MODELS = 2000;
const ModelEntry = z.looseObject({ id: z.string().trim().min(1).max(200) });
const Entries = z.array(z.unknown());
const ModelsBody = z.union([
  z.looseObject({ data: Entries }).transform((body) => body.data),
  z.looseObject({ models: Entries }).transform((body) => body.models),
  Entries,
]);

export function readModels(body: unknown): ModelList {
  const parsed = ModelsBody.safeParse(body);
  if (!parsed.success) return { available: false, reason: 'The provider answered, but not with a list of models.' };
  const entries: unknown[] = parsed.data;
  const ids = new Set<string>();
  for (const entry of entries) {
    const model = ModelEntry.safeParse(entry);
    if (model.success) ids.add(model.data.id);
    else if (typeof entry === 'string' && entry.trim()) ids.add(entry.trim());
    if (ids.size >= MAX_MODELS) break;
  }
  if (ids.size === 0) return { available: false, reason: 'The provider lists no models.' };
  return { available: true, models: [...ids].sort((a, b) => a.localeCompare(b)) };
}

const amount = z.number().finite();
const EvolinkCredits = z.looseObject({
  data: z.looseObject({
    user: z.looseObject({ remaining_credits: amount, used_credits: amount.optional() }),
    token: z
      .looseObject({ remaining_credits: amount.optional(), unlimited_credits: z.boolean().optional() })
      .optional(),
  }),
});
const PlainBalance = z.looseObject({ balance: amount, currency: z.string().max(20).optional() });
const WrappedBalance = z.looseObject({ data: PlainBalance });
const PlainCredits = z.looseObject({ credits: amount });

export function readCredits(body: unknown): Credits {
  const evolink = EvolinkCredits.safeParse(body);
  if (evolink.success) {
    const { user, token } = evolink.data.data;
    return {
      available: true,
      balance: user.remaining_credits,
      currency: 'credits',
      ...(user.used_credits === undefined ? {} : { used: user.used_credits }),
      ...(token?.remaining_credits === undefined ? {} : { tokenBalance: token.remaining_credits }),
      ...(token?.unlimited_credits === undefined ? {} : { unlimited: token.unlimited_credits }),
    };
  }
  const plain = PlainBalance.safeParse(body);
  const wrapped = WrappedBalance.safeParse(body);
  const balance = plain.success ? plain.data : wrapped.success ? wrapped.data.data : undefined;
  if (balance) return { available: true, balance: balance.balance, currency: balance.currency ?? 'credits' };
  const credits = PlainCredits.safeParse(body);
  if (credits.success) return { available: true, balance: credits.data.credits, currency: 'credits' };
  return { available: false, reason: 'The provider answered, but did not report a balance.' };
}
