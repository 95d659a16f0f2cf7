import {
  QUOTA_SAMPLE_INTERVAL_MS,
  TEAM_USAGE_REFRESH_MS,
  USAGE_FLUSH_INTERVAL_MS,
} from '../../../shared/domain/policies';
import type { AppDatabase } from '../db/open-database';
import type { QuotaTracker } from '../soundcharts/quota';
import type { RequestMeter } from '../soundcharts/request-meter';
import type { TeamUsage } from '../soundcharts/types';
import { addQuotaSample, addUsage, latestQuotaLimit } from './usage-store';

export type UsageRecorderOptions = {
  database: AppDatabase;
  meter: RequestMeter;
  quota: QuotaTracker;
  now: () => number;
  /** Asks Soundcharts' free team/usage for the plan's quota size. */
  teamUsage: () => Promise<TeamUsage>;
  report: (error: unknown) => void;
  /** New requests or a new quota sample were written: an open dashboard reads again. */
  onRecorded?: () => void;
  flushIntervalMs?: number;
};

/**
 * Writes what the shared meter and quota tracker saw into the database: request counts added to the current
 * UTC hour of api_usage_hourly every USAGE_FLUSH_INTERVAL_MS (a request is counted in the hour it was flushed
 * in, at most that interval late), and the quota into quota_samples at most once per QUOTA_SAMPLE_INTERVAL_MS
 * and only when Soundcharts said something new. The last flush happens on close, so a one-shot CLI command's
 * requests are kept too.
 */
export class UsageRecorder {
  private flushTimer: ReturnType<typeof setInterval> | null = null;
  private planTimer: ReturnType<typeof setInterval> | null = null;
  private lastSampledAt = Number.NEGATIVE_INFINITY;
  private lastObservedAt = Number.NEGATIVE_INFINITY;
  private planLimit: number | null = null;
  private closed = false;

  constructor(private readonly options: UsageRecorderOptions) {
    this.planLimit = latestQuotaLimit(options.database);
  }

  /** Periodic flushes; the timer never keeps a process alive. */
  start(): void {
    if (this.flushTimer || this.closed) return;
    this.flushTimer = setInterval(
      () => this.flush(),
      this.options.flushIntervalMs ?? USAGE_FLUSH_INTERVAL_MS,
    );
    this.flushTimer.unref();
  }

  /** Long-running hosts: the plan's size from team/usage now and every TEAM_USAGE_REFRESH_MS. */
  startPlanRefresh(): void {
    if (this.planTimer || this.closed) return;
    void this.refreshPlan();
    this.planTimer = setInterval(() => void this.refreshPlan(), TEAM_USAGE_REFRESH_MS);
    this.planTimer.unref();
  }

  /** The plan's quota per billing cycle, when team/usage told it (this process or an earlier one). */
  get quotaLimit(): number | null {
    return this.planLimit;
  }

  /** Asks team/usage for the plan's size and records it with the quota; a failure is only reported. */
  async refreshPlan(): Promise<number | null> {
    try {
      const usage = await this.options.teamUsage();
      if (this.closed) return this.planLimit;
      const limit = usage.quota?.limit ?? null;
      if (limit !== null) this.planLimit = limit;
      const seen = this.options.quota.snapshot();
      const remaining = usage.quota?.remaining ?? seen?.remaining ?? null;
      if (remaining !== null) {
        const at = this.options.now();
        addQuotaSample(this.options.database, { at, remaining, quotaLimit: this.planLimit });
        this.lastSampledAt = at;
        if (seen) this.lastObservedAt = Math.max(this.lastObservedAt, seen.observedAt);
      }
    } catch (error) {
      this.options.report(error);
    }
    return this.planLimit;
  }

  /** Writes the counts taken from the meter, and a quota sample when one is due. Never throws. */
  flush(): void {
    const { database, meter, quota, now } = this.options;
    const at = now();
    const counts = meter.take();
    const sent = Object.values(counts).reduce((sum, n) => sum + n, 0);
    try {
      addUsage(database, counts, at);
      if (sent > 0) this.options.onRecorded?.();
    } catch (error) {
      // Kept for the next flush rather than lost: the database may be busy or closing.
      meter.giveBack(counts);
      this.options.report(error);
    }
    const snapshot = quota.snapshot();
    if (!snapshot || snapshot.observedAt <= this.lastObservedAt) return;
    if (at - this.lastSampledAt < QUOTA_SAMPLE_INTERVAL_MS) return;
    try {
      // Stamped with the engine's clock, like the executions and the usage hours it is plotted with.
      addQuotaSample(database, { at, remaining: snapshot.remaining, quotaLimit: this.planLimit });
      this.lastSampledAt = at;
      this.lastObservedAt = snapshot.observedAt;
      if (sent === 0) this.options.onRecorded?.();
    } catch (error) {
      this.options.report(error);
    }
  }

  /** The last flush; call before the database closes. */
  close(): void {
    if (this.flushTimer) clearInterval(this.flushTimer);
    if (this.planTimer) clearInterval(this.planTimer);
    this.flushTimer = this.planTimer = null;
    this.flush();
    this.closed = true;
  }
}
