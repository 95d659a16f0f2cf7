import type { AlertKind, AlertSeverity } from '../../../shared/domain/alert-kinds';

/** How each alert kind is named on screen, and what it means (the Settings screen's toggles say it). */
export const ALERT_KIND_TEXT: Readonly<Record<AlertKind, { label: string; description: string }>> = {
  sync_failed: {
    label: 'Sync failed',
    description: 'A sync failed for good, after its retries (one alert, not one per retry).',
  },
  schedule_overdue: {
    label: 'Schedule overdue',
    description: 'A schedule has had no successful sync for more than twice its interval.',
  },
  credentials_rejected: {
    label: 'Credentials rejected',
    description: 'Soundcharts refused the app id or API key.',
  },
  quota_low: { label: 'Quota low', description: 'The Soundcharts quota fell below the threshold below.' },
  quota_exhausted: { label: 'Quota exhausted', description: 'The Soundcharts quota is spent; syncs stop.' },
  performance_degraded: {
    label: 'Slow sync',
    description: "A sync took more than 3× its chart's usual time (median of its last 10).",
  },
  sync_recovered: { label: 'Sync recovered', description: 'A chart synced again after a failure.' },
};

export const SEVERITY_ICON: Readonly<Record<AlertSeverity, { icon: string; label: string }>> = {
  error: { icon: '✖', label: 'Error' },
  warning: { icon: '⚠', label: 'Warning' },
  info: { icon: 'ℹ', label: 'Information' },
};
