import type { Theme } from '../../../../shared/settings.ts';
import './themePicker.css';

const OPTIONS: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

interface Props {
  value: Theme;
  onChange: (theme: Theme) => void;
}

/** Three radio buttons in a fieldset: arrow keys move between them, screen readers name the group. */
export function ThemePicker({ value, onChange }: Props) {
  return (
    <fieldset className="theme-picker">
      <legend className="field__label">Theme</legend>
      <div className="theme-picker__options">
        {OPTIONS.map((option) => (
          <label key={option.value} className="theme-picker__option">
            <input type="radio" name="theme" value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
