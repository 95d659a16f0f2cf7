import type { Route } from '../routing/routes';
import { AlertsScreen } from '../screens/alerts/alerts-screen';
import { ChartsScreen } from '../screens/charts/charts-screen';
import { ExecutionDetailScreen } from '../screens/executions/execution-detail-screen';
import { ExecutionsScreen } from '../screens/executions/executions-screen';
import { ScheduleDetailScreen } from '../screens/schedule-detail/schedule-detail-screen';
import { ScheduleEditorScreen } from '../screens/schedule-editor/schedule-editor-screen';
import { SchedulesScreen } from '../screens/schedules/schedules-screen';
import { SettingsScreen } from '../screens/settings/settings-screen';
import { EmptyState } from '../components/states';
import { AuditScreen } from '../screens/audit/audit-screen';
import { AnalyticsScreen } from '../screens/analytics/analytics-screen';
import { ExportsScreen } from '../screens/exports/exports-screen';
import { RankingScreen } from '../screens/ranking/ranking-screen';
import { SongScreen } from '../screens/song/song-screen';
import { SongsScreen } from '../screens/songs/songs-screen';

export function ScreenFor({ route }: { route: Route }) {
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
