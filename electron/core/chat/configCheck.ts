import type { z } from 'zod';
import { fail } from '../../../shared/errors.ts';
import { SettingsSchema, temperatureSchema, topKSchema, topPSchema } from '../../../shared/settings.ts';
import type { ResolvedConfig } from './conversationConfig.ts';

/** The config once checked: a token is present. */
export type ReadyConfig = ResolvedConfig & { token: string };

function check(schema: z.ZodType, value: unknown): void {
  if (value === undefined) return;
  const result = schema.safeParse(value);
  if (!result.success) fail('invalid_input', result.error.issues[0]?.message ?? 'A setting is out of range.');
}

/** Refuses a request before anything is written or sent: no token, or values the provider would reject. */
export function checkConfig(config: ResolvedConfig): ReadyConfig {
  const token = config.token?.trim();
  if (!token) fail('token_missing', 'Add your API token in Settings to start chatting.', config.providerId ? { providerId: config.providerId } : {});
  check(SettingsSchema.shape.apiBaseUrl, config.baseUrl);
  check(SettingsSchema.shape.model, config.model);
  check(temperatureSchema, config.temperature);
  check(topPSchema, config.topP);
  check(topKSchema, config.topK);
  return { ...config, token, model: config.model.trim() };
}
