/**
 * Every policy number of Chart Sync lives here, so that retry, rate limit, staleness and overdue rules have
 * exactly one definition that the engine, the CLI and the UI all read.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Fixed intervals of the original system: monthly is 30 days, not a calendar month. */
export const FREQUENCY_INTERVAL_MS = {
  daily: DAY_MS,
  weekly: 7 * DAY_MS,
  monthly: 30 * DAY_MS,
} as const;

/** Custom schedules: at least hourly (a sync more often than that only burns quota), at most a year apart. */
export const CUSTOM_INTERVAL_HOURS_MIN = 1;
export const CUSTOM_INTERVAL_HOURS_MAX = 24 * 366;

/**
 * The longest repeated wall-clock stretch a DST change can create in any IANA zone (Antarctica/Troll moves by two
 * hours); bounds the search that steps over such a stretch when computing the next cron run.
 */
export const MAX_DST_FOLD_MS = 2 * HOUR_MS;

/** How many upcoming runs the schedule editor previews. */
export const NEXT_RUNS_PREVIEW_COUNT = 5;

/**
 * Health (shared/domain/health.ts): late after HEALTH_LATE_FACTOR intervals (plus the grace) without a success,
 * or due and not started for longer than the grace (a tick of the scheduler plus a busy worker; it also covers
 * the minutes a sync on its slot takes); overdue after HEALTH_OVERDUE_FACTOR intervals without a success
 * (Airbyte's rule); failing when this many executions in a row (cancelled ones aside) did not complete.
 */
export const HEALTH_LATE_FACTOR = 1;
export const HEALTH_OVERDUE_FACTOR = 2;
export const HEALTH_LATE_GRACE_MS = 15 * MINUTE_MS;
export const HEALTH_FAILING_STREAK = 3;
/** A cron schedule's health interval is its longest gap among this many runs after the last success. */
export const HEALTH_CRON_SAMPLE_RUNS = 7;

/** A run that starts more than this many intervals after its slot missed a whole slot: its trigger is catch_up. */
export const CATCH_UP_FACTOR = 1;

/** Retry policy of one execution (the original's "max 3 retries with exponential backoff"). */
export const RETRY_POLICY = {
  maxRetries: 3,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  factor: 2,
} as const;

/** Retry policy of one HTTP request for transient failures (502/503/504, timeouts, resets). */
export const REQUEST_RETRY_POLICY = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
} as const;

export type BackoffPolicy = {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
};

/** Soundcharts recommends at most 5,000 calls a minute; stay well below it by default. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1_200;
/** Soundcharts documents at most 5,000 calls a minute: a higher setting would only earn 429s. */
export const RATE_LIMIT_PER_MINUTE_MAX = 5_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Soundcharts requests one sync (pages and periods of its chart) has in flight at once, and metadata fetches
 * at once: with 150 ms of latency, 8 keep ≈ 53 requests/s going; the global rate limit bounds them all anyway.
 */
export const REQUESTS_IN_FLIGHT_DEFAULT = 8;
export const REQUESTS_IN_FLIGHT_MIN = 1;
export const REQUESTS_IN_FLIGHT_MAX = 32;

/** The official SDK waits `x-ratelimit-reset` + 1 s: the header is whole seconds, rounded down. */
export const RATE_LIMIT_RESET_MARGIN_MS = 1_000;
/** A rate-limit 429 without reset headers: the limit is per minute, so a minute always clears it. */
export const RATE_LIMIT_FALLBACK_WAIT_MS = 60_000;
/** Rate-limit waits spend no retries, but a server that refuses forever must not hold a sync forever either. */
export const RATE_LIMIT_MAX_WAITS = 10;
/** Refresh an OAuth token this long before it expires, so it never expires on its way to the API. */
export const OAUTH_REFRESH_MARGIN_MS = 60_000;

/** Staleness: song metadata is refreshed after 30 days, audience after 7 days. */
export const METADATA_MAX_AGE_MS = 30 * DAY_MS;
export const AUDIENCE_MAX_AGE_MS = 7 * DAY_MS;

/** How far back complete-history sync looks by default, and the bounds an operator may set. */
export const DEFAULT_HISTORY_WINDOW_DAYS = 365;
export const HISTORY_WINDOW_DAYS_MIN = 1;
export const HISTORY_WINDOW_DAYS_MAX = 3 * 366;

/** The scheduler's safety-net tick (the original's Celery beat ran every 5 minutes). */
export const DEFAULT_SCHEDULER_TICK_MS = 5 * 60_000;
/**
 * After the database refused a write (a full disk, a read-only data folder), no sync starts for this long: it
 * would fail the same way. The operator asking for a sync, or the next pass after it, tries again.
 */
export const STORAGE_FAILURE_PAUSE_MS = 60_000;

/**
 * A running execution writes a heartbeat this often (and with each stored period): an interrupted one ends at
 * its last heartbeat, so its duration never includes the downtime before the next start noticed it.
 */
export const EXECUTION_HEARTBEAT_MS = 10_000;

/** At most two chart syncs, and at most two metadata/audience tasks, at once. */
export const CHART_SYNC_CONCURRENCY = 2;
export const ENRICHMENT_CONCURRENCY = 2;

/**
 * Platforms whose song audience the engine fetches: those Soundcharts documents for GET /song/{uuid}/audience
 * (developers.soundcharts.com, "Get audience") that the emulator also serves. Deezer and Boomplay are left out
 * (the emulator has them, Soundcharts does not document them); Instagram, Audiomack, Gaana, JioSaavn, Melon,
 * Line Music, Last.fm and Awa are documented but not emulated, so they would fail in demo mode.
 */
export const SUPPORTED_AUDIENCE_PLATFORMS = [
  'spotify',
  'youtube',
  'shazam',
  'tiktok',
  'soundcloud',
  'anghami',
  'genius',
] as const;
export type AudiencePlatform = (typeof SUPPORTED_AUDIENCE_PLATFORMS)[number];

/** A song's first audience fetch on a platform goes this far back; later fetches start after the newest day. */
export const AUDIENCE_HISTORY_DAYS = 365;

/** Retry policy of one metadata/audience task: attempts in all (first included) and the backoff between them. */
export const ENRICHMENT_RETRY_POLICY = {
  maxAttempts: 3,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * MINUTE_MS,
  factor: 2,
} as const;

/**
 * A song whose metadata/audience task failed for good is not queued again for this long: a song Soundcharts
 * does not know would otherwise cost one request after every stored period (quota is money).
 */
export const ENRICHMENT_FAILED_COOLDOWN_MS = DAY_MS;

/**
 * Retention: finished executions, audit entries, finished webhook deliveries and finished queue tasks older than
 * `retentionDays` (a setting, default and bounds here) are pruned once a day, in batches of
 * RETENTION_BATCH_ROWS rows per transaction so the app stays responsive while a year of history goes.
 */
export const RETENTION_DAYS_DEFAULT = 365;
export const RETENTION_DAYS_MIN = 7;
export const RETENTION_DAYS_MAX = 10 * 366;
export const RETENTION_INTERVAL_MS = DAY_MS;
export const RETENTION_BATCH_ROWS = 500;

/** The Audit screen pages the log: this many entries by default, at most the maximum per call. */
export const AUDIT_LIST_DEFAULT_LIMIT = 100;
export const AUDIT_LIST_MAX_LIMIT = 1_000;

/**
 * Soundcharts answers at most 90 days of song audience per call. The client's windows count calendar days with
 * both ends included, so that a window never exceeds the limit whichever way the API counts it.
 */
export const AUDIENCE_WINDOW_DAYS = 90;

/**
 * Past this many pages a collection is assumed to send us round in circles; no real collection comes close
 * (two years of daily ranking dates is 8 pages of 100).
 */
export const MAX_PAGES_PER_COLLECTION = 1_000;

/**
 * Once the quota is seen spent (a quota 429, or `x-quota-remaining: 0`), quota-using requests stop. After this
 * long one request is let through to see whether the plan renewed; a free team-usage call that reports quota
 * again lifts the stop at once.
 */
export const QUOTA_RECHECK_MS = 15 * MINUTE_MS;

/** A bulk action takes at most this many items: enough for a whole catalogue selection, bounded for one call. */
export const BULK_ACTION_MAX_ITEMS = 20_000;

/** The longest chart reference (id or slug) accepted from outside: Soundcharts' slugs are far shorter. */
export const CHART_REFERENCE_MAX = 200;

/** The Executions screen pages its history: this many rows by default, at most the maximum per call. */
export const EXECUTION_PAGE_DEFAULT = 100;
export const EXECUTION_PAGE_MAX = 1_000;

/** Executions shown inline on a schedule's detail page, newest first. */
export const SCHEDULE_DETAIL_EXECUTIONS = 50;

/**
 * How often a long-running host looks whether another process (the CLI, a second window's host) committed to
 * the database: one cheap PRAGMA read, after which the UI fetches again and the scheduler looks for new work.
 */
export const EXTERNAL_CHANGE_CHECK_MS = 2_000;

/**
 * Webhook delivery: at most this many attempts in all (the first included), each cut off after the timeout,
 * with exponential backoff between them (about 10 s, 20 s, 40 s, 80 s with jitter). A delivery whose sender
 * died mid-request is sent again once its lease (the timeout plus a margin) has passed.
 */
export const WEBHOOK_MAX_ATTEMPTS = 5;
export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_BACKOFF: BackoffPolicy = { baseDelayMs: 10_000, maxDelayMs: 10 * MINUTE_MS, factor: 2 };
export const WEBHOOK_LEASE_MARGIN_MS = 5_000;
/** Deliveries sent at once by one process: a slow receiver must not hold up the others. */
export const WEBHOOK_CONCURRENCY = 4;
/**
 * A one-shot CLI command (`process`, `sync`) waits at most this long for the deliveries it queued before it
 * exits; what is still pending then stays queued for the next Chart Sync that runs.
 */
export const WEBHOOK_ONE_SHOT_WAIT_MS = 15_000;
/** Secrets shorter than this are too easy to guess to be worth signing with. */
export const WEBHOOK_SECRET_MIN_LENGTH = 8;
export const WEBHOOK_SECRET_MAX_LENGTH = 256;
export const WEBHOOK_URL_MAX_LENGTH = 2_000;
/** The delivery log of one webhook, newest first: this many by default, at most the maximum per call. */
export const WEBHOOK_DELIVERIES_DEFAULT = 50;
export const WEBHOOK_DELIVERIES_MAX = 500;

/**
 * Alerts (shared/domain/alert-rules.ts). performance_degraded: an execution slower than this many times the
 * median of its chart's last PERFORMANCE_BASELINE_SIZE completed executions, once at least
 * PERFORMANCE_BASELINE_MIN of them exist; a run shorter than PERFORMANCE_DEGRADED_MIN_MS is never "degraded"
 * (a 3-second run after 1-second ones is noise, not a problem worth an alert).
 */
export const PERFORMANCE_DEGRADED_FACTOR = 3;
export const PERFORMANCE_BASELINE_SIZE = 10;
export const PERFORMANCE_BASELINE_MIN = 5;
export const PERFORMANCE_DEGRADED_MIN_MS = 10_000;

/**
 * quota_low: remaining below this share of the plan (when the plan's size is known) or below this many
 * requests. Both are settings; these are their defaults and bounds.
 */
export const QUOTA_LOW_PERCENT_DEFAULT = 10;
export const QUOTA_LOW_PERCENT_MAX = 100;
export const QUOTA_LOW_REQUESTS_DEFAULT = 1_000;
export const QUOTA_LOW_REQUESTS_MAX = 100_000_000;

/** The Alerts screen, CLI and REST page the alerts: this many by default, at most the maximum per call. */
export const ALERT_PAGE_DEFAULT = 100;
export const ALERT_PAGE_MAX = 1_000;

/** The Songs screen, CLI and REST page the songs list. */
export const SONG_PAGE_DEFAULT = 100;
export const SONG_PAGE_MAX = 1_000;

/** The analytics dashboard's longest range. */
export const ANALYTICS_RANGE_MAX_DAYS = 366;
/** How many of the slowest charts the dashboard lists. */
export const ANALYTICS_SLOWEST_CHARTS = 10;

/** The quota planner's month, and the day of the month a billing cycle starts when no setting says otherwise. */
export const QUOTA_PLAN_MONTH_DAYS = 30;
export const BILLING_CYCLE_DAY_DEFAULT = 1;
/** The quota is sampled into quota_samples at most this often. */
export const QUOTA_SAMPLE_INTERVAL_MS = MINUTE_MS;

/** Exports: charts named in one export, the exports list's page, progress events per second at most. */
export const EXPORT_CHARTS_MAX = 10_000;
export const EXPORT_PAGE_DEFAULT = 50;
export const EXPORT_PAGE_MAX = 500;
export const EXPORT_PROGRESS_INTERVAL_MS = 250;
/** Request counts go from the shared meter into api_usage_hourly this often (and when the engine closes). */
export const USAGE_FLUSH_INTERVAL_MS = 20_000;
/** Long-running hosts ask team/usage (free) for the plan's quota size at start and this often. */
export const TEAM_USAGE_REFRESH_MS = HOUR_MS;
/** The billing cycle's first day of the month is a setting (Soundcharts does not tell it): 1 to 28. */
export const BILLING_CYCLE_DAY_MIN = 1;
export const BILLING_CYCLE_DAY_MAX = 28;

/**
 * OS notifications: at most this many a minute by default (a "sync all" that fails everywhere must not bury the
 * desktop); the alerts held back then arrive as one summary. The operator may set 1 to NOTIFICATIONS_PER_MINUTE_MAX.
 */
export const NOTIFICATIONS_PER_MINUTE_DEFAULT = 5;
export const NOTIFICATIONS_PER_MINUTE_MAX = 60;

/** The desktop app keeps syncing in the tray when its window closes, unless the operator turns it off. */
export const CLOSE_TO_TRAY_DEFAULT = true;
export const LAUNCH_AT_LOGIN_DEFAULT = false;

/**
 * A saved API key or client secret is shown only as its last SECRET_SHOWN_CHARS characters, and only when it is
 * at least SECRET_SHOWN_MIN_LENGTH long (so at most half of a short one is ever revealed).
 */
export const SECRET_SHOWN_CHARS = 4;
export const SECRET_SHOWN_MIN_LENGTH = 8;
/** "Test connection" gives up after this long: a wrong API URL must not keep the Settings screen waiting. */
export const CONNECTION_TEST_TIMEOUT_MS = 10_000;

/** The desktop tray asks the engine's status at most this often, however many events arrive (a sync all). */
export const TRAY_REFRESH_MIN_INTERVAL_MS = 1_000;
/** And at least this often, so "Last sync … 5 min ago" keeps its age right. */
export const TRAY_REFRESH_MAX_INTERVAL_MS = 60_000;

/**
 * The Charts screen asks for this many rows first (in its default order), then for the rest: a screenful and
 * more arrives in milliseconds whatever the size of the catalogue. At most CHART_LIST_FIRST_MAX may be asked.
 */
export const CHART_LIST_FIRST_ROWS = 100;
export const CHART_LIST_FIRST_MAX = 1_000;
/** `charts/list` by ids (rows changed since the screen's fetch) takes at most this many of each. */
export const CHART_LIST_IDS_MAX = 5_000;

/**
 * `chart-sync serve` starts its background work (the scheduler's first pass, metadata, retention, the plan's
 * limits read from Soundcharts) once its first call is answered, or after this long without one.
 */
export const SERVE_BACKGROUND_START_MAX_WAIT_MS = 1_000;

/**
 * Length caps of free text taken from outside (REST, CLI, UI, all through shared/schemas): far above any real
 * value, low enough that a pasted megabyte is refused with a field error instead of stored and re-read on every
 * view (a 30 KB cron expression cost each schedule view 35 ms) or handed to SQLite's LIKE ("pattern too
 * complex"). The longest IANA zone name is 32 characters; a five-field cron with long lists stays under 200.
 */
export const CRON_EXPRESSION_MAX_LENGTH = 256;
export const TIME_ZONE_MAX_LENGTH = 64;
export const SEARCH_TEXT_MAX_LENGTH = 200;
/** Who made a schedule ("api", "cli", an operator's name): a label, not a document. */
export const ACTOR_NAME_MAX_LENGTH = 200;
/** Filters by platform or country code on the command line: short codes. */
export const FILTER_TEXT_MAX_LENGTH = 100;
/** `charts list --limit`: more than any catalogue holds, still a number SQLite binds. */
export const CHART_LIST_LIMIT_MAX = 100_000;
/** The Soundcharts API URL: a base URL, far shorter than this. */
export const API_URL_MAX_LENGTH = 2_000;
/** A webhook's event list: each name short, the list no longer than any sensible selection with repeats. */
export const WEBHOOK_EVENT_NAME_MAX_LENGTH = 100;
export const WEBHOOK_EVENTS_MAX = 100;
