import type { Notice } from '../../../shared/contract/app.ts';
import { fail } from '../../../shared/errors.ts';
import { SettingsSchema, type Settings, type SettingsPatch, type SettingsView } from '../../../shared/settings.ts';
import type { SettingsBackend } from '../ports.ts';
import { defaultProviderIdOf } from '../providers/providerList.ts';

const clearable = ['temperature', 'topP', 'topK', 'proxyUrl'] as const;

/** The stored settings plus what the environment overrides. The token never lives here. */
export class SettingsService {
  readonly notices: Notice[];
  private settings: Settings;
  private readonly backend: SettingsBackend;
  private readonly envBaseUrl: string | undefined;
  private readonly envToken: boolean;

  constructor(options: { backend: SettingsBackend; initial: Settings; env: NodeJS.ProcessEnv; notices?: Notice[] }) {
    this.backend = options.backend;
    this.settings = options.initial;
    this.notices = options.notices ?? [];
    this.envToken = Boolean(options.env.PARLEY_API_TOKEN?.trim());
    this.envBaseUrl = this.checkEnvBaseUrl(options.env.PARLEY_API_BASE_URL);
  }

  current(): Settings {
    return { ...this.settings };
  }

  view(): SettingsView {
    return {
      settings: this.current(),
      effectiveBaseUrl: this.effectiveBaseUrl(),
      overriddenByEnv: { apiBaseUrl: this.envBaseUrl !== undefined, token: this.envToken },
    };
  }

  effectiveBaseUrl(): string {
    return this.envBaseUrl ?? this.settings.apiBaseUrl;
  }

  update(patch: SettingsPatch): SettingsView {
    const next: Record<string, unknown> = { ...this.settings };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (value === null || (key === 'proxyUrl' && value === '')) {
        if ((clearable as readonly string[]).includes(key)) delete next[key];
        continue;
      }
      next[key] = value;
    }
    // apiBaseUrl is the default provider's base URL: a saved list of providers follows it.
    if (patch.apiBaseUrl !== undefined && this.settings.providers) {
      const defaultId = defaultProviderIdOf(this.settings);
      next['providers'] = this.settings.providers.map((p) => (p.id === defaultId ? { ...p, baseUrl: patch.apiBaseUrl } : p));
    }
    this.save(next);
    return this.view();
  }

  /** Changes fields the settings screen does not patch directly (the providers); validated whole. */
  write(changes: Partial<Settings>): Settings {
    this.save({ ...this.settings, ...changes });
    return this.current();
  }

  private save(next: Record<string, unknown>): void {
    const parsed = SettingsSchema.safeParse(next);
    if (!parsed.success) fail('invalid_input', parsed.error.issues[0]?.message ?? 'Those settings are not valid.');
    try {
      this.backend.write(parsed.data);
    } catch (error) {
      fail('storage', `Could not save the settings to ${this.backend.path}: ${(error as Error).message}`);
    }
    this.settings = parsed.data;
  }

  /** A bad PARLEY_API_BASE_URL is ignored with a notice rather than sending requests nowhere. */
  private checkEnvBaseUrl(raw: string | undefined): string | undefined {
    const value = raw?.trim();
    if (!value) return undefined;
    const parsed = SettingsSchema.shape.apiBaseUrl.safeParse(value);
    if (parsed.success) return parsed.data;
    this.notices.push({
      id: 'settings-env-base-url-invalid',
      level: 'warning',
      message: `PARLEY_API_BASE_URL is set to "${value}", which is not an http:// or https:// address; using the base URL from the settings instead.`,
    });
    return undefined;
  }
}
