import type { AlertKind } from '../domain/alert-kinds';

/**
 * The operator's settings as the Settings screen, the CLI and REST show them: stored values over defaults.
 * Each capability adds its own keys (retention, …); the screen shows one section per capability.
 */
export type SettingsView = {
  /** Alert kinds that are not recorded. */
  disabledAlertKinds: AlertKind[];
  /** quota_low below this percentage of the plan (when Soundcharts tells the plan's size). */
  quotaLowPercent: number;
  /** quota_low below this many requests remaining. */
  quotaLowRequests: number;
  /** History older than this many days is pruned (retention). */
  retentionDays: number;
  /** The day of the month (1–28) the Soundcharts billing cycle starts: the quota planner projects to its end. */
  billingCycleDay: number;
};
