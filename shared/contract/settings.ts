import { z } from 'zod';
import { SettingsPatchSchema, SettingsViewSchema } from '../settings.ts';

export const settingsCalls = {
  'settings:get': { input: z.undefined(), output: SettingsViewSchema },
  'settings:update': { input: SettingsPatchSchema, output: SettingsViewSchema },
} as const;

export const settingsEvents = {} as const;
