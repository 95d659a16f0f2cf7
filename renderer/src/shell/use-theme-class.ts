import { useEffect } from 'react';
import { useApp } from '../store/app-store';

/** Applies the chosen theme to <html>; "system" follows the OS through CSS prefers-color-scheme. */
export function useThemeClass(): void {
  const theme = useApp((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
