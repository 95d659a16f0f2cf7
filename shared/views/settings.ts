import type { AlertKind } from '../domain/alert-kinds';
import type { ThemeSetting } from '../schemas/settings-input';

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
  /** The Soundcharts API as set here; a flag or SOUNDCHARTS_API_URL overrides it (connection/get says which). */
  apiUrl: string;
  /** Requests a minute, for every thread together; a flag overrides it. */
  rateLimitPerMinute: number;
  /** Soundcharts requests one sync keeps in flight at once (and metadata fetches at once); the rate limit bounds them all. */
  requestsInFlight: number;
  /** The history window a new schedule gets when none is given (UI, CLI, REST alike). */
  defaultHistoryWindowDays: number;
  /** Desktop app: closing the window keeps syncing in the tray (false: closing quits). */
  closeToTray: boolean;
  /** Desktop app: start hidden in the tray at login. */
  launchAtLogin: boolean;
  theme: ThemeSetting;
  /** Alert kinds still recorded (and in the inbox) but not shown as OS notifications. */
  disabledNotificationKinds: AlertKind[];
  /** The flood guard: notifications a minute before the rest are folded into one summary. */
  notificationsPerMinute: number;
};
