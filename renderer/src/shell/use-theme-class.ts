import { useEffect } from 'react';
import { useApp } from '../store/app-store';
import { useEvent, useResync } from '../transport/api';

/**
 * Applies the chosen theme to <html>; "system" follows the OS through CSS prefers-color-scheme. The theme is the
 * stored setting: read once connected (and again after a reconnection), then followed as it changes anywhere
 * (this window, another one, the CLI).
 */
export function useThemeClass(): void {
  const theme = useApp((s) => s.theme);
  const followTheme = useApp((s) => s.followTheme);
  const loadTheme = useApp((s) => s.loadTheme);
  useEffect(() => void loadTheme(), [loadTheme]);
  useResync(() => void loadTheme());
  useEvent('settings/changed', (settings) => followTheme(settings.theme));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
