import type { z } from 'zod';
import type { UpdateConversationSettingsInputSchema } from '../../../../shared/contract/conversations.ts';
import type { ConversationSettings } from '../../../../shared/domain.ts';
import { temperatureSchema, topKSchema, topPSchema } from '../../../../shared/settings.ts';

export type SettingsUpdate = z.input<typeof UpdateConversationSettingsInputSchema>;

/** As typed: empty means "the default from Settings". */
export interface ConversationFormValues {
  systemPrompt: string;
  model: string;
  temperature: string;
  topP: string;
  topK: string;
  /** '' = default, 'on', 'off'. */
  stream: '' | 'on' | 'off';
  providerId: string;
}

export type ConversationFormErrors = Partial<Record<keyof ConversationFormValues, string>>;

export function valuesOf(settings: ConversationSettings | undefined): ConversationFormValues {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    systemPrompt: settings?.systemPrompt ?? '',
    model: settings?.model ?? '',
    temperature: text(settings?.temperature),
    topP: text(settings?.topP),
    topK: text(settings?.topK),
    stream: settings?.stream === undefined ? '' : settings.stream ? 'on' : 'off',
    providerId: settings?.providerId ?? '',
  };
}

function numberOrNull(raw: string, schema: z.ZodType<number>): { value: number | null } | { error: string } {
  if (raw.trim() === '') return { value: null };
  const parsed = schema.safeParse(Number(raw.trim()));
  return parsed.success ? { value: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'Not a valid number.' };
}

/** The whole form as an update: every empty field is null, so it clears its override. */
export function toUpdate(id: string, values: ConversationFormValues): { update: SettingsUpdate } | { errors: ConversationFormErrors } {
  const errors: ConversationFormErrors = {};
  const temperature = numberOrNull(values.temperature, temperatureSchema);
  const topP = numberOrNull(values.topP, topPSchema);
  const topK = numberOrNull(values.topK, topKSchema);
  if ('error' in temperature) errors.temperature = temperature.error;
  if ('error' in topP) errors.topP = topP.error;
  if ('error' in topK) errors.topK = topK.error;
  if ('error' in temperature || 'error' in topP || 'error' in topK) return { errors };
  return {
    update: {
      id,
      systemPrompt: values.systemPrompt.trim() === '' ? null : values.systemPrompt,
      model: values.model.trim() === '' ? null : values.model.trim(),
      temperature: temperature.value,
      topP: topP.value,
      topK: topK.value,
      stream: values.stream === '' ? null : values.stream === 'on',
      providerId: values.providerId === '' ? null : values.providerId,
    },
  };
}
