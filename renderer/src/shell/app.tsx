import { lazy, Suspense, useEffect, useRef } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorState } from '../components/states';
import { Toasts } from '../components/toasts';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../components/use-debounced-callback';
import type { Route } from '../routing/routes';
import { useRoute } from '../routing/use-route';
import { useExportDialog } from '../screens/exports/export-dialog-store';
import { useApp } from '../store/app-store';
import { useEvent } from '../transport/api';
import { Header } from './header';
import { NavBar } from './nav-bar';
import { ScreenFor } from './screen-for';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import { useThemeClass } from './use-theme-class';

// A chunk of its own (its form validates with zod), loaded when first opened.
const ExportDialog = lazy(async () => ({
  default: (await import('../screens/exports/export-dialog')).ExportDialog,
}));

/** Which page a route shows: a filter or page of the same list is the same page, another screen or item is not. */
function pageOf(route: Route): string {
  switch (route.screen) {
    case 'schedule-new':
      return `${route.screen}:${route.chartId}`;
    case 'schedule-detail':
    case 'schedule-edit':
    case 'execution-detail':
      return `${route.screen}:${route.id}`;
    case 'not-found':
      return `${route.screen}:${route.path}`;
    default:
      return route.screen;
  }
}

/**
 * On another page, the focus moves to the new screen (as a page load would put it at the top): left alone, it
 * stays on a link of the old screen, or drops to the page when that screen's control is gone.
 */
function useFocusOnPageChange(page: string) {
  const main = useRef<HTMLElement>(null);
  const shown = useRef(page);
  useEffect(() => {
    if (shown.current === page) return;
    shown.current = page;
    main.current?.focus({ preventScroll: true });
  }, [page]);
  return main;
}

/** The window: navigation, the current screen, toasts and the confirmation dialog. */
export function App() {
  const route = useRoute();
  const refreshStatus = useApp((s) => s.refreshStatus);
  const statusError = useApp((s) => s.statusError);
  const status = useApp((s) => s.status);
  useThemeClass();
  useKeyboardShortcuts();
  const main = useFocusOnPageChange(pageOf(route));
  // The export dialog's chunk (its form brings zod) is loaded at its first opening: loaded at start-up, it was
  // evaluated on the main thread just as the first screen's rows arrived.
  const exportDialogWanted = useExportDialog((s) => s.opening > 0);

  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);
  // The header's counts follow the engine without polling; a burst of events (a bulk sync) costs one request.
  const refreshSoon = useDebouncedCallback(() => void refreshStatus(), LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('schedule/updated', refreshSoon);
  useEvent('schedule/removed', refreshSoon);
  useEvent('charts/updated', refreshSoon);
  useEvent('execution/updated', refreshSoon);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <div className="app-body">
        <NavBar route={route} />
        <main ref={main} id="main" className="screen" tabIndex={-1}>
          {status === null && statusError ? (
            <ErrorState error={statusError} onRetry={() => void refreshStatus()} />
          ) : (
            <ScreenFor route={route} />
          )}
        </main>
      </div>
      <Toasts />
      <ConfirmDialog />
      {exportDialogWanted && (
        <Suspense fallback={null}>
          <ExportDialog />
        </Suspense>
      )}
    </div>
  );
}
