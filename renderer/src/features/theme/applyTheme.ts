import { DEFAULT_THEME, ThemeSchema, type Theme } from '../../../../shared/settings.ts';

const STORAGE_KEY = 'parley.theme';

/**
 * Puts the theme on <html data-theme>; the stylesheet maps light and dark to a color-scheme, and
 * 'system' leaves it to the OS preference, followed live by CSS. Remembered locally so the next
 * start paints in the right colours before the settings have arrived.
 */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage may be off; the settings still apply the theme a moment later.
  }
}

/** The theme the last run applied, for the first paint. */
export function applyRememberedTheme(): void {
  let stored: string | null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  const parsed = ThemeSchema.safeParse(stored);
  document.documentElement.dataset['theme'] = parsed.success ? parsed.data : DEFAULT_THEME;
}
