import { AsyncTask, SimpleIntervalJob, ToadScheduler } from 'toad-scheduler';
import { RETENTION_DAYS_DEFAULT, RETENTION_INTERVAL_MS } from '../../../shared/domain/policies';
import { retentionCutoff } from '../../../shared/domain/retention';
import type { PruneCounts, PruneSummary } from '../../../shared/views/retention';
import { actAs } from '../audit/actor';
import { recordAudit } from '../audit/audit-log';
import { readSettings } from '../config/settings-store';
import type { AppDatabase } from '../db/open-database';
import type { Now } from '../schedules/schedule-service';
import { pruneHistory } from './prune-history';

export type RetentionOptions = {
  database: AppDatabase;
  now: Now;
  onError?: (error: unknown) => void;
  intervalMs?: number;
  batchRows?: number;
};

/**
 * Keeps history for the `retentionDays` setting, then prunes it on purpose: once at start and once a day in the
 * long-running hosts, and on demand (`chart-sync prune`, the Settings screen, REST). One prune at a time; each
 * real one is written to the audit log with its counts (the daily one only when it removed something).
 */
export class RetentionService {
  private readonly toad = new ToadScheduler();
  private running: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(private readonly options: RetentionOptions) {}

  retentionDays(): number {
    return readSettings(this.options.database).retentionDays ?? RETENTION_DAYS_DEFAULT;
  }

  /** Prunes now (or, with dryRun, counts what would go); waits for a prune already under way first. */
  prune({ dryRun, scheduled = false }: { dryRun: boolean; scheduled?: boolean }): Promise<PruneSummary> {
    const next = this.running.then(() => this.pruneOnce(dryRun, scheduled));
    this.running = next.catch(() => undefined);
    return next;
  }

  /** The daily job: at once (a desktop app may never stay open a whole day), then every interval. */
  start(): void {
    if (this.stopping) return;
    const task = new AsyncTask(
      'chart-sync-retention',
      () => actAs('scheduler', () => this.prune({ dryRun: false, scheduled: true })).then(() => undefined),
      (error) => this.report(error),
    );
    this.toad.addSimpleIntervalJob(
      new SimpleIntervalJob(
        { milliseconds: this.options.intervalMs ?? RETENTION_INTERVAL_MS, runImmediately: true },
        task,
        { id: 'retention', preventOverrun: true },
      ),
    );
  }

  /** Stops the job; a prune under way ends after its batch in flight, before the database closes. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.toad.stop();
    await this.running;
  }

  private async pruneOnce(dryRun: boolean, scheduled: boolean): Promise<PruneSummary> {
    const { database, now } = this.options;
    const retentionDays = this.retentionDays();
    const cutoffAt = retentionCutoff(now(), retentionDays);
    const counts = await pruneHistory(database, {
      cutoffAt,
      dryRun,
      ...(this.options.batchRows === undefined ? {} : { batchRows: this.options.batchRows }),
      stopped: () => this.stopping,
    });
    const summary: PruneSummary = { dryRun, retentionDays, cutoffAt, counts };
    const removed = total(counts);
    if (!dryRun && !(scheduled && removed === 0) && database.sqlite.open) {
      recordAudit(
        database,
        {
          action: 'retention.pruned',
          result: 'ok',
          trigger: scheduled ? 'system' : 'operator',
          message: `Pruned ${removed} row${removed === 1 ? '' : 's'} of history older than ${retentionDays} days.`,
          detail: { retentionDays, cutoffAt, ...counts },
        },
        now(),
      );
    }
    return summary;
  }

  private report(error: unknown): void {
    (this.options.onError ?? ((e: unknown) => console.error('chart-sync retention:', e)))(error);
  }
}

function total(counts: PruneCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
