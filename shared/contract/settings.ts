import { z } from 'zod';
import { SettingsPatchSchema, SettingsViewSchema } from '../settings.ts';

/** A settings change; keepToken answers the token question when apiBaseUrl or proxyUrl moves to
 *  another origin while a token is stored (see providers:save). */
export const SettingsUpdateInputSchema = SettingsPatchSchema.extend({ keepToken: z.boolean().optional() }).strict();

export const settingsCalls = {
  'settings:get': { input: z.undefined(), output: SettingsViewSchema },
  'settings:update': { input: SettingsUpdateInputSchema, output: SettingsViewSchema },
} as const;

export const settingsEvents = {} as const;
