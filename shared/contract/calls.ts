import type { z } from 'zod';
import { callInputs } from '../schemas/call-inputs';
import type { AlertPage } from '../views/alert';
import type { AnalyticsView, QuotaImpactView, QuotaPlanView } from '../views/analytics';
import type { ExportPage, ExportView } from '../views/export';
import type { RankingView } from '../views/ranking';
import type { SongDetail, SongPage } from '../views/song';
import type { SongAudienceView } from '../views/song-audience';
import type { AppStatus } from '../views/app-status';
import type { AuditPage } from '../views/audit-entry';
import type { BulkResult } from '../views/bulk-result';
import type { ChartListItem, ChartSyncStatusView, DiscoverySummary } from '../views/chart-list-item';
import type { ExecutionDetail, ExecutionPage } from '../views/execution-list';
import type { PruneSummary } from '../views/retention';
import type { BackfillPreview, ScheduleDetail } from '../views/schedule-detail';
import type { ExecutionView, ScheduleView } from '../views/schedule-view';
import type { WebhookDeliveryView, WebhookView } from '../views/webhook';
import type { SettingsView } from '../views/settings';
import type { ConnectionTestView, ConnectionView } from '../views/connection';
import type { CallName } from './call-names';

/**
 * The one contract between the UI and the engine: every call's input schema (validated at each boundary)
 * and output type. Hosts bind this map to IPC, WebSocket or REST; none of them adds calls of its own.
 */
export const calls = Object.fromEntries(
  Object.entries(callInputs).map(([name, input]) => [name, { input }]),
) as { [K in CallName]: { input: (typeof callInputs)[K] } };

export type { CallName };
export type CallInput<K extends CallName> = z.input<(typeof callInputs)[K]>;
export type CallOutputs = {
  'app/status': AppStatus;
  'charts/list': ChartListItem[];
  'charts/discover': DiscoverySummary;
  'charts/sync-status': ChartSyncStatusView;
  'charts/add-to-schedule': BulkResult;
  'charts/remove-from-schedule': BulkResult;
  'charts/sync-now': BulkResult;
  'schedules/list': ScheduleView[];
  'schedules/get': ScheduleDetail;
  'schedules/create': { schedule: ScheduleView; execution: ExecutionView | null };
  'schedules/update': ScheduleView;
  'schedules/set-active': BulkResult;
  'schedules/delete': BulkResult;
  'schedules/sync-now': BulkResult;
  'schedules/backfill-preview': BackfillPreview;
  'schedules/backfill': ExecutionView;
  'executions/list': ExecutionPage;
  'executions/get': ExecutionDetail;
  'executions/retry': ExecutionView;
  'executions/cancel': ExecutionView;
  'webhooks/list': WebhookView[];
  'webhooks/create': WebhookView;
  'webhooks/delete': null;
  'webhooks/deliveries': WebhookDeliveryView[];
  /** Queues a signed `webhook.test` delivery and answers it; its attempts show in the delivery log. */
  'webhooks/test': WebhookDeliveryView;
  'alerts/list': AlertPage;
  'alerts/mark-read': { marked: number; unread: number };
  'alerts/unread-count': { unread: number };
  'settings/get': SettingsView;
  'settings/update': SettingsView;
  'audit/list': AuditPage;
  'retention/prune': PruneSummary;
  'rankings/get': RankingView;
  'songs/list': SongPage;
  'songs/get': SongDetail;
  'songs/audience': SongAudienceView;
  'analytics/overview': AnalyticsView;
  'analytics/quota-plan': QuotaPlanView;
  'analytics/quota-impact': QuotaImpactView;
  'exports/start': ExportView;
  'exports/list': ExportPage;
  'exports/get': ExportView;
  'exports/cancel': ExportView;
  /** Where the credentials, API URL and rate limit in use come from; the secret itself never crosses. */
  'connection/get': ConnectionView;
  /** Saves credentials in the host's vault and reconnects at once: demo mode ends, the real client starts. */
  'connection/set-credentials': ConnectionView;
  /** Forgets saved credentials: the app goes back to the demo (its own database). */
  'connection/clear-credentials': ConnectionView;
  'connection/test': ConnectionTestView;
  'schedules/pause-all': BulkResult;
  'schedules/resume-all': BulkResult;
  'schedules/sync-due': BulkResult;
};
export type CallOutput<K extends CallName> = CallOutputs[K];

/** What the engine must implement: the type checker proves every call has a handler. */
export type CallHandlers = {
  [K in CallName]: (input: z.output<(typeof callInputs)[K]>) => CallOutput<K> | Promise<CallOutput<K>>;
};

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(callInputs, name);
}
