import { useEffect } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorState } from '../components/states';
import { Toasts } from '../components/toasts';
import { useRoute } from '../routing/use-route';
import { useApp } from '../store/app-store';
import { useEvent } from '../transport/api';
import { Header } from './header';
import { NavBar } from './nav-bar';
import { ScreenFor } from './screen-for';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import { useThemeClass } from './use-theme-class';

/** The window: navigation, the current screen, toasts and the confirmation dialog. */
export function App() {
  const route = useRoute();
  const refreshStatus = useApp((s) => s.refreshStatus);
  const statusError = useApp((s) => s.statusError);
  const status = useApp((s) => s.status);
  useThemeClass();
  useKeyboardShortcuts();

  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);
  // The header's counts follow the engine without polling.
  useEvent('schedule/updated', () => void refreshStatus());
  useEvent('schedule/removed', () => void refreshStatus());
  useEvent('charts/updated', () => void refreshStatus());
  useEvent('execution/updated', () => void refreshStatus());

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <div className="app-body">
        <NavBar route={route} />
        <main id="main" className="screen" tabIndex={-1}>
          {status === null && statusError ? (
            <ErrorState error={statusError} onRetry={() => void refreshStatus()} />
          ) : (
            <ScreenFor route={route} />
          )}
        </main>
      </div>
      <Toasts />
      <ConfirmDialog />
    </div>
  );
}
