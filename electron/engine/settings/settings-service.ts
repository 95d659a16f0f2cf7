import type { z } from 'zod';
import {
  CLOSE_TO_TRAY_DEFAULT,
  DEFAULT_HISTORY_WINDOW_DAYS,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  LAUNCH_AT_LOGIN_DEFAULT,
  NOTIFICATIONS_PER_MINUTE_DEFAULT,
  BILLING_CYCLE_DAY_DEFAULT,
  QUOTA_LOW_PERCENT_DEFAULT,
  QUOTA_LOW_REQUESTS_DEFAULT,
  RETENTION_DAYS_DEFAULT,
  REQUESTS_IN_FLIGHT_DEFAULT,
} from '../../../shared/domain/policies';
import type { updateSettingsInput } from '../../../shared/schemas/settings-input';
import type { SettingsView } from '../../../shared/views/settings';
import type { StoredSettings } from '../config/app-config';
import { readSettings, writeSettings } from '../config/settings-store';
import type { AppDatabase } from '../db/open-database';
import { DEFAULT_BASE_URL } from '../soundcharts/endpoints';

export type SettingsChange = z.output<typeof updateSettingsInput>;

/** Stored values over defaults: what every reader of a setting sees. */
export function settingsView(stored: StoredSettings): SettingsView {
  return {
    disabledAlertKinds: stored.disabledAlertKinds ?? [],
    quotaLowPercent: stored.quotaLowPercent ?? QUOTA_LOW_PERCENT_DEFAULT,
    quotaLowRequests: stored.quotaLowRequests ?? QUOTA_LOW_REQUESTS_DEFAULT,
    retentionDays: stored.retentionDays ?? RETENTION_DAYS_DEFAULT,
    billingCycleDay: stored.billingCycleDay ?? BILLING_CYCLE_DAY_DEFAULT,
    apiUrl: stored.apiUrl ?? DEFAULT_BASE_URL,
    rateLimitPerMinute: stored.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    requestsInFlight: stored.requestsInFlight ?? REQUESTS_IN_FLIGHT_DEFAULT,
    defaultHistoryWindowDays: stored.defaultHistoryWindowDays ?? DEFAULT_HISTORY_WINDOW_DAYS,
    closeToTray: stored.closeToTray ?? CLOSE_TO_TRAY_DEFAULT,
    launchAtLogin: stored.launchAtLogin ?? LAUNCH_AT_LOGIN_DEFAULT,
    theme: stored.theme ?? 'system',
    disabledNotificationKinds: stored.disabledNotificationKinds ?? [],
    notificationsPerMinute: stored.notificationsPerMinute ?? NOTIFICATIONS_PER_MINUTE_DEFAULT,
  };
}

/**
 * The operator's settings. The CLI may change them while a host runs, so they are read again whenever another
 * connection has committed since the last read (PRAGMA data_version, microseconds); otherwise the last view is
 * kept, since reading and checking them all costs about half a millisecond and syncs ask for one per task.
 * This connection writes them only through update(), which keeps what it wrote.
 */
export class SettingsService {
  private last: { version: number; view: SettingsView } | null = null;
  private readonly dataVersion: () => number;

  constructor(
    private readonly database: AppDatabase,
    private readonly now: () => number,
    /** After a change is stored: the `settings/changed` event (the tray, the theme, launch at login). */
    private readonly onChange: (settings: SettingsView) => void = () => {},
  ) {
    const statement = database.sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    this.dataVersion = () => statement.get()!;
  }

  get(): SettingsView {
    const version = this.dataVersion();
    if (this.last?.version === version) return this.last.view;
    const view = settingsView(readSettings(this.database));
    this.last = { version, view };
    return view;
  }

  update(change: SettingsChange): SettingsView {
    const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    const view = settingsView(writeSettings(this.database, defined, this.now()));
    this.last = { version: this.dataVersion(), view };
    if (Object.keys(defined).length > 0) this.onChange(view);
    return view;
  }
}
