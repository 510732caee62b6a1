import { z } from 'zod';
import { DEFAULT_QUICK_PROMPT_HOTKEY, MAX_ACCELERATOR_LENGTH, checkGlobalHotkey } from './accelerator.ts';

export const DEFAULT_BASE_URL = 'https://api.evolink.ai/v1';
export const DEFAULT_MODEL = 'gpt-5.2';

const baseUrl = z
  .string()
  .trim()
  .min(1, 'API base URL is required.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'API base URL must be an http:// or https:// address, for example https://api.evolink.ai/v1.');

export const temperatureSchema = z
  .number({ error: 'Temperature must be a number.' })
  .min(0, 'Temperature must be between 0 and 2.')
  .max(2, 'Temperature must be between 0 and 2.');
export const topPSchema = z
  .number({ error: 'Top P must be a number.' })
  .min(0, 'Top P must be between 0 and 1.')
  .max(1, 'Top P must be between 0 and 1.');
export const topKSchema = z
  .number({ error: 'Top K must be a number.' })
  .int('Top K must be a whole number.')
  .min(1, 'Top K must be 1 or more.');

/** The quick prompt's global shortcut as an Electron accelerator, stored in canonical form;
 *  an empty string means no global shortcut (the tray and `parley --quick` still open it). */
export const quickPromptHotkeySchema = z
  .string()
  .trim()
  .max(MAX_ACCELERATOR_LENGTH, 'That shortcut is too long.')
  .superRefine((value, ctx) => {
    if (value === '') return;
    const check = checkGlobalHotkey(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
  })
  .overwrite((value) => {
    const check = value === '' ? null : checkGlobalHotkey(value);
    return check?.ok ? check.accelerator : value;
  });

/** Sampling parameters; an absent value is not sent to the provider. */
export const SamplingSchema = z.object({
  temperature: temperatureSchema.optional(),
  topP: topPSchema.optional(),
  topK: topKSchema.optional(),
});
export type Sampling = z.infer<typeof SamplingSchema>;

/** An HTTP(S) proxy for every request to the providers, e.g. http://proxy.example.com:8080
 *  (user:password@ allowed). Empty in a patch clears it. */
export const proxyUrlSchema = z
  .string()
  .trim()
  .max(2000, 'That proxy address is too long.')
  .refine((value) => {
    if (value === '') return true;
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'The proxy must be an http:// or https:// address, for example http://proxy.example.com:8080.');

/** A saved provider of an OpenAI-compatible API; its token sits in the keychain under its own entry. */
export const ProviderSchema = z.object({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1, 'Give the provider a name.').max(100, 'That name is too long.'),
  baseUrl,
});
export type Provider = z.infer<typeof ProviderSchema>;
export const MAX_PROVIDERS = 50;

/** The colour theme; 'system' follows the OS light/dark preference. */
export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;
export const DEFAULT_THEME: Theme = 'system';

export const SettingsSchema = SamplingSchema.extend({
  apiBaseUrl: baseUrl,
  model: z.string().trim().min(1, 'Model is required.').max(200, 'Model name is too long.'),
  stream: z.boolean(),
  /** Absent means DEFAULT_THEME (settings files written before themes existed). */
  theme: ThemeSchema.optional(),
  quickPromptHotkey: quickPromptHotkeySchema,
  /** Closing the main window keeps Parley running in the tray. */
  closeToTray: z.boolean(),
  /** Saved providers. Absent (settings from before providers) means one provider made from
   *  apiBaseUrl; apiBaseUrl is always the default provider's base URL. Use providers:* to change. */
  providers: z.array(ProviderSchema).max(MAX_PROVIDERS).optional(),
  defaultProviderId: z.string().min(1).max(100).optional(),
  /** Absent: HTTPS_PROXY / HTTP_PROXY from the environment apply (with NO_PROXY). */
  proxyUrl: proxyUrlSchema.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  apiBaseUrl: DEFAULT_BASE_URL,
  model: DEFAULT_MODEL,
  stream: true,
  quickPromptHotkey: DEFAULT_QUICK_PROMPT_HOTKEY,
  closeToTray: false,
};

/** A change to the settings; null clears an optional sampling value. */
export const SettingsPatchSchema = z
  .object({
    apiBaseUrl: baseUrl,
    model: SettingsSchema.shape.model,
    stream: z.boolean(),
    temperature: temperatureSchema.nullable(),
    topP: topPSchema.nullable(),
    topK: topKSchema.nullable(),
    theme: ThemeSchema,
    quickPromptHotkey: quickPromptHotkeySchema,
    closeToTray: z.boolean(),
    /** null or "" removes the proxy setting. */
    proxyUrl: proxyUrlSchema.nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** What the settings screen shows: the stored settings and which of them the environment overrides. */
export const SettingsViewSchema = z.object({
  settings: SettingsSchema,
  /** The base URL actually used (PARLEY_API_BASE_URL wins over the stored one). */
  effectiveBaseUrl: z.string(),
  overriddenByEnv: z.object({ apiBaseUrl: z.boolean(), token: z.boolean() }),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;
