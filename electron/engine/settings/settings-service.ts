import type { z } from 'zod';
import {
  BILLING_CYCLE_DAY_DEFAULT,
  QUOTA_LOW_PERCENT_DEFAULT,
  QUOTA_LOW_REQUESTS_DEFAULT,
  RETENTION_DAYS_DEFAULT,
} from '../../../shared/domain/policies';
import type { updateSettingsInput } from '../../../shared/schemas/settings-input';
import type { SettingsView } from '../../../shared/views/settings';
import type { StoredSettings } from '../config/app-config';
import { readSettings, writeSettings } from '../config/settings-store';
import type { AppDatabase } from '../db/open-database';

export type SettingsChange = z.output<typeof updateSettingsInput>;

/** Stored values over defaults: what every reader of a setting sees. */
export function settingsView(stored: StoredSettings): SettingsView {
  return {
    disabledAlertKinds: stored.disabledAlertKinds ?? [],
    quotaLowPercent: stored.quotaLowPercent ?? QUOTA_LOW_PERCENT_DEFAULT,
    quotaLowRequests: stored.quotaLowRequests ?? QUOTA_LOW_REQUESTS_DEFAULT,
    retentionDays: stored.retentionDays ?? RETENTION_DAYS_DEFAULT,
    billingCycleDay: stored.billingCycleDay ?? BILLING_CYCLE_DAY_DEFAULT,
  };
}

/**
 * The operator's settings, read from the database each time: the CLI may change them while a host runs, and
 * a read is one small query.
 */
export class SettingsService {
  constructor(
    private readonly database: AppDatabase,
    private readonly now: () => number,
  ) {}

  get(): SettingsView {
    return settingsView(readSettings(this.database));
  }

  update(change: SettingsChange): SettingsView {
    const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    return settingsView(writeSettings(this.database, defined, this.now()));
  }
}
