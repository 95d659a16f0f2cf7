import { lazy, Suspense, type ComponentType } from 'react';
import type { Route } from '../routing/routes';
import { EmptyState } from '../components/states';
// The home screen (`#/`) comes with the shell: its first rows must not wait for a second round of chunks.
import { ChartsScreen } from '../screens/charts/charts-screen';

/**
 * Every other screen is a chunk of its own, loaded when first shown: the page starts with the shell and the
 * Charts screen, not with every screen (nor uPlot, which only the plotting screens load).
 */
// React.lazy's own bound: each screen's props are checked where it is used, against C itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function screen<C extends ComponentType<any>, K extends string>(load: () => Promise<Record<K, C>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SchedulesScreen = screen(() => import('../screens/schedules/schedules-screen'), 'SchedulesScreen');
const ScheduleEditorScreen = screen(
  () => import('../screens/schedule-editor/schedule-editor-screen'),
  'ScheduleEditorScreen',
);
const ScheduleDetailScreen = screen(
  () => import('../screens/schedule-detail/schedule-detail-screen'),
  'ScheduleDetailScreen',
);
const ExecutionsScreen = screen(() => import('../screens/executions/executions-screen'), 'ExecutionsScreen');
const ExecutionDetailScreen = screen(
  () => import('../screens/executions/execution-detail-screen'),
  'ExecutionDetailScreen',
);
const AlertsScreen = screen(() => import('../screens/alerts/alerts-screen'), 'AlertsScreen');
const SettingsScreen = screen(() => import('../screens/settings/settings-screen'), 'SettingsScreen');
const AuditScreen = screen(() => import('../screens/audit/audit-screen'), 'AuditScreen');
const AnalyticsScreen = screen(() => import('../screens/analytics/analytics-screen'), 'AnalyticsScreen');
const ExportsScreen = screen(() => import('../screens/exports/exports-screen'), 'ExportsScreen');
const RankingScreen = screen(() => import('../screens/ranking/ranking-screen'), 'RankingScreen');
const SongScreen = screen(() => import('../screens/song/song-screen'), 'SongScreen');
const SongsScreen = screen(() => import('../screens/songs/songs-screen'), 'SongsScreen');

export function ScreenFor({ route }: { route: Route }) {
  // No fallback text: a chunk loads in milliseconds from the host, and a flash of "Loading…" would be noise.
  return (
    <Suspense fallback={null}>
      <Screen route={route} />
    </Suspense>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'charts':
      return <ChartsScreen />;
    case 'schedules':
      return <SchedulesScreen />;
    case 'schedule-new':
      return <ScheduleEditorScreen key={`new-${route.chartId}`} mode="create" chartId={route.chartId} />;
    case 'schedule-edit':
      return <ScheduleEditorScreen key={`edit-${route.id}`} mode="edit" scheduleId={route.id} />;
    case 'schedule-detail':
      return <ScheduleDetailScreen key={route.id} id={route.id} />;
    case 'executions':
      return <ExecutionsScreen filter={route.filter} />;
    case 'execution-detail':
      return <ExecutionDetailScreen key={route.id} id={route.id} />;
    case 'alerts':
      return <AlertsScreen filter={route.filter} />;
    case 'settings':
      return <SettingsScreen />;
    case 'audit':
      return <AuditScreen filter={route.filter} />;
    case 'ranking':
      return <RankingScreen key={`${route.chart}`} chart={route.chart} date={route.date} />;
    case 'songs':
      return <SongsScreen filter={route.filter} />;
    case 'song':
      return <SongScreen key={route.uuid} uuid={route.uuid} />;
    case 'analytics':
      return <AnalyticsScreen filter={route.filter} />;
    case 'exports':
      return <ExportsScreen />;
    case 'not-found':
      return (
        <EmptyState title="There is no such page">
          <p>
            Nothing lives at <code>{route.path}</code>. Go to <a href="#/charts">Charts</a>.
          </p>
        </EmptyState>
      );
  }
}
