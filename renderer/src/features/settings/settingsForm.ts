import type { z } from 'zod';
import {
  DEFAULT_THEME,
  SettingsPatchSchema,
  temperatureSchema,
  topKSchema,
  topPSchema,
  type Settings,
  type SettingsPatch,
  type Theme,
} from '../../../../shared/settings.ts';

/** The form as typed: strings, so an empty sampling field can mean "unset". */
export interface SettingsFormValues {
  apiBaseUrl: string;
  model: string;
  temperature: string;
  topP: string;
  topK: string;
  stream: boolean;
  theme: Theme;
  /** The quick prompt's global shortcut as typed; empty means none. */
  quickPromptHotkey: string;
  closeToTray: boolean;
  /** Empty: none (HTTPS_PROXY from the environment still applies). */
  proxyUrl: string;
}

export type SettingsField = keyof SettingsFormValues;
/** Per field, plus `form` for what belongs to no single field. */
export type FieldErrors = Partial<Record<SettingsField | 'form', string>>;

export function formValuesOf(settings: Settings): SettingsFormValues {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    apiBaseUrl: settings.apiBaseUrl,
    model: settings.model,
    temperature: text(settings.temperature),
    topP: text(settings.topP),
    topK: text(settings.topK),
    stream: settings.stream,
    theme: settings.theme ?? DEFAULT_THEME,
    quickPromptHotkey: settings.quickPromptHotkey,
    closeToTray: settings.closeToTray,
    proxyUrl: settings.proxyUrl ?? '',
  };
}

function optionalNumber(raw: string, schema: z.ZodType<number>, label: string): { value: number | null } | { error: string } {
  const trimmed = raw.trim();
  if (trimmed === '') return { value: null };
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return { error: `${label} must be a number.` };
  const parsed = schema.safeParse(number);
  return parsed.success ? { value: parsed.data } : { error: parsed.error.issues[0]?.message ?? `${label} is not valid.` };
}

/**
 * Checks the form with the same schemas main uses, so the user sees a message at once instead of
 * after a round trip; main checks again anyway.
 */
export function toSettingsPatch(values: SettingsFormValues): { patch: SettingsPatch } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const sampling = {
    temperature: optionalNumber(values.temperature, temperatureSchema, 'Temperature'),
    topP: optionalNumber(values.topP, topPSchema, 'Top P'),
    topK: optionalNumber(values.topK, topKSchema, 'Top K'),
  };
  for (const [field, outcome] of Object.entries(sampling) as [SettingsField, { value: number | null } | { error: string }][]) {
    if ('error' in outcome) errors[field] = outcome.error;
  }
  // The base URL is the default provider's, edited in its card: one place for each value.
  const candidate = {
    model: values.model,
    stream: values.stream,
    theme: values.theme,
    quickPromptHotkey: values.quickPromptHotkey,
    closeToTray: values.closeToTray,
    proxyUrl: values.proxyUrl.trim() === '' ? null : values.proxyUrl.trim(),
    temperature: 'value' in sampling.temperature ? sampling.temperature.value : null,
    topP: 'value' in sampling.topP ? sampling.topP.value : null,
    topK: 'value' in sampling.topK ? sampling.topK.value : null,
  };
  const parsed = SettingsPatchSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const key = typeof field === 'string' && field in values ? (field as SettingsField) : 'form';
      errors[key] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { patch: parsed.data };
}
