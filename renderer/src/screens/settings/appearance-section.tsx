import { THEMES, type ThemeSetting } from '../../../../shared/schemas/settings-input';
import { useApp } from '../../store/app-store';

const THEME_TEXT: Record<ThemeSetting, { label: string; description: string }> = {
  system: { label: 'System', description: 'Follows the light or dark mode of the computer.' },
  light: { label: 'Light', description: '' },
  dark: { label: 'Dark', description: '' },
};

/**
 * The Settings screen's "Appearance" section: the theme, the same stored setting the header's picker writes
 * (the app store keeps both in step and saves the choice).
 */
export function AppearanceSection() {
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  return (
    <section className="card settings-section" aria-labelledby="settings-appearance">
      <h3 id="settings-appearance">Appearance</h3>
      <fieldset className="theme-choices">
        <legend>Theme</legend>
        {THEMES.map((value) => (
          <label key={value} className="theme-choice">
            <input
              type="radio"
              name="settings-theme"
              value={value}
              checked={theme === value}
              onChange={() => void setTheme(value)}
            />
            <span>
              <strong>{THEME_TEXT[value].label}</strong>
              {THEME_TEXT[value].description && (
                <span className="muted"> {THEME_TEXT[value].description}</span>
              )}
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
