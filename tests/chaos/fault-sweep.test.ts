import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultsConfig } from '../../electron/emulator/faults';
import type { RequestRecord } from '../../electron/emulator/stats';
import { RETRY_POLICY } from '../../shared/domain/policies';
import { requestSummary } from '../../shared/domain/request-failures';
import type { ExecutionView } from '../../shared/views/schedule-view';
import { DEFAULT_QUOTA } from '../../electron/emulator/limits';
import { SYNC_NOW, startTestEngine, type TestEngine } from '../support/sync-engine';
import { useEmulator } from '../support/emulator';
import { CHAOS_FULL, chaosScale, chaosTimeout } from './support/chaos-scale';
import { recordOutput } from './support/planted-key';
import { brokenSnapshots, integrityCheck, storedData, type StoredData } from './support/stored-data';

/**
 * Section 2 of docs/reliability.md: the same backfill (global-28, a daily 200-entry chart: two pages a day) under
 * every fault the emulator injects, at 30 % (reduced) or 10, 30 and 50 % (full). The run ends when its execution
 * is final: retries are driven on a fake clock, so a backoff of minutes costs nothing.
 *
 * - Identical data whenever the run completes; whatever the outcome, no stored snapshot differs from the
 *   fault-free run's (a bad page is never stored), and every period not stored is listed as failed.
 * - Requests within a stated bound of the fault-free run's: a fault that spoils one request costs that request
 *   again (≤ B / (1 − rate) × 1.2, plus one more reading of the date list for each execution retry); a fault that
 *   spoils a page of a ranking costs the whole ranking again (≤ B / (1 − rate)² × 1.2, same allowance; × (1 + rate / 2)
 *   for a page.total overstated by one, which costs a third page).
 * - A 401, a 403 or an exhausted quota mid-run: no request is sent again after it, nothing more than what was
 *   already in flight goes out, and the execution fails at once with the reason on it and on the schedule's health.
 */

const WINDOW_DAYS = chaosScale(7, 365);
const RATES = chaosScale([0.3], [0.1, 0.3, 0.5]);
const SLUG = 'global-28';
/** The engine's own requests in flight: what may still go out after a refusal, and no more. */
const IN_FLIGHT = 8;
/**
 * Short, so that timeouts cost little, yet long enough for the emulator's first, uncached answer on a busy machine
 * (a shorter one times out, and retries, requests the emulator did answer).
 */
const TIMEOUT_MS = chaosScale(1_000, 2_000);

type Kind = {
  name: string;
  /** What it spoils: one request, a page of a ranking (the whole ranking again), or everything from mid-run. */
  scope: 'request' | 'ranking' | 'stop';
  faults: (rate: number, baseline: number) => FaultsConfig;
  /** The error code a run stopped by it ends with. */
  stopCode?: string;
  /** Requests a fault adds besides the fetch it spoils, in pages of a ranking: the bound grows by that share. */
  extraPerFault?: number;
  /** Its rates in the reduced run, when not RATES. */
  reducedRates?: number[];
};

const RANKING = '/ranking/';
const KINDS: Kind[] = [
  {
    name: '429 with reset',
    scope: 'request',
    // Each 429 pauses every request for x-ratelimit-reset + 1 s of real time: 10 % in the reduced run.
    reducedRates: [0.1],
    faults: (rate) => ({ rateLimit: { probability: rate, resetSeconds: 0 } }),
  },
  { name: '503', scope: 'request', faults: (rate) => ({ serverError: { probability: rate, status: 503 } }) },
  { name: 'timeout', scope: 'request', faults: (rate) => ({ timeout: { probability: rate } }) },
  {
    name: 'connection reset',
    scope: 'request',
    faults: (rate) => ({ connectionReset: { probability: rate } }),
  },
  { name: 'malformed JSON', scope: 'request', faults: (rate) => ({ malformedJson: { probability: rate } }) },
  { name: 'truncated body', scope: 'request', faults: (rate) => ({ truncatedBody: { probability: rate } }) },
  {
    name: 'page.total off',
    scope: 'ranking',
    // A first page that overstates its total (by one) makes the client ask for a third page, of nothing.
    extraPerFault: 0.5,
    faults: (rate) => ({ wrongTotal: { probability: rate, match: RANKING } }),
  },
  {
    name: 'duplicate positions',
    scope: 'ranking',
    faults: (rate) => ({ duplicatePositions: { probability: rate, match: RANKING } }),
  },
  {
    name: '401 mid-run',
    scope: 'stop',
    stopCode: 'auth',
    faults: (_rate, baseline) => ({ unauthorized: { after: Math.floor(baseline / 2), probability: 1 } }),
  },
  {
    name: '403 mid-run',
    scope: 'stop',
    stopCode: 'forbidden',
    faults: (_rate, baseline) => ({ forbidden: { after: Math.floor(baseline / 2), probability: 1 } }),
  },
  {
    name: 'quota exhausted mid-run',
    scope: 'stop',
    stopCode: 'quota_exhausted',
    faults: (_rate, baseline) => ({ quotaExhausted: { after: Math.floor(baseline / 2), next: 1 } }),
  },
];

/**
 * The most requests a run may send: the expected count with 20 % to spare, or 5 standard deviations above it when
 * that is more. A short run (the reduced sweep's 7 days) varies by more than 20 % by chance alone: 20 requests at
 * 30 % cost 29 on average, with a standard deviation of 3.5, so 40 is unlucky but no defect.
 *
 * Each unit (a request, or a two-page ranking) is retried until it succeeds: its attempts are geometric, with
 * success s = 1 − rate (a ranking: both pages good, (1 − rate)²), mean 1 / s and variance (1 − s) / s².
 */
function requestBound(kind: Kind, rate: number, baseline: number): number {
  const pagesPerUnit = kind.scope === 'ranking' ? 2 : 1;
  const units = baseline / pagesPerUnit;
  const success = (1 - rate) ** pagesPerUnit;
  const costPerAttempt = pagesPerUnit * (1 + (kind.extraPerFault ?? 0) * rate);
  const mean = (units * costPerAttempt) / success;
  const deviation = Math.sqrt((units * costPerAttempt ** 2 * (1 - success)) / success ** 2);
  return mean + Math.max(0.2 * mean, 5 * deviation);
}

const emulator = useEmulator();

type Run = {
  execution: ExecutionView;
  data: StoredData;
  records: RequestRecord[];
  broken: string[];
  integrity: string[];
  health: string;
  attempts: number;
};

/** One engine for the whole sweep: each run starts from an empty chart (a fresh engine costs seconds). */
let test: TestEngine;

/** The backfill from nothing stored, every retry driven on the fake clock until its execution is final. */
async function backfill(faults: FaultsConfig): Promise<Run> {
  const { engine, clock } = test;
  const chart = test.chartId({ slug: SLUG });
  clock.set(SYNC_NOW);
  const { schedule } = engine.schedules.create({
    chartId: chart,
    historyWindowDays: WINDOW_DAYS,
    fetchTrackMetadata: false,
  });
  const from = emulator.current.stats.requests.length;
  try {
    emulator.current.faults.configure(faults);
    let execution = await engine.syncChart(chart);
    let attempts = 1;
    while (execution.status === 'pending' && execution.nextAttemptAt !== null) {
      clock.set(execution.nextAttemptAt);
      await engine.scheduler.wake();
      await engine.scheduler.idle();
      execution = engine.executions.get(execution.id);
      attempts += 1;
      if (attempts > RETRY_POLICY.maxRetries + 1) break;
    }
    emulator.current.faults.reset();
    return {
      execution,
      data: storedData(engine.database.sqlite, SLUG),
      records: emulator.current.stats.requests.slice(from).filter((r) => r.path.startsWith('/api/')),
      broken: brokenSnapshots(engine.database.sqlite),
      integrity: integrityCheck(engine.database.sqlite),
      health: engine.schedules.get(schedule.id).health,
      attempts,
    };
  } finally {
    emulator.current.faults.reset();
    emulator.current.quota.setRemaining(DEFAULT_QUOTA);
    engine.schedules.remove(schedule.id);
    engine.database.sqlite.prepare('DELETE FROM chart_rankings WHERE chart_id = ?').run(chart);
  }
}

let reference: Run;
const figures: string[] = [];

beforeAll(
  async () => {
    test = await startTestEngine(emulator.current, { timeoutMs: TIMEOUT_MS });
    reference = await backfill({});
    expect(reference.execution.status).toBe('completed');
    expect(reference.data.snapshots).toHaveLength(WINDOW_DAYS);
  },
  chaosTimeout(60_000, 300_000),
);

afterAll(async () => {
  await test?.engine.close();
  if (figures.length === 0) return;
  const summary = [
    `fault sweep (${CHAOS_FULL ? 'full' : 'reduced'}): ${WINDOW_DAYS}-day backfill of ${SLUG}, fault-free ${billable(reference.records).length} requests`,
    ...figures,
  ].join('\n');
  recordOutput('fault-sweep-figures', summary);
  process.stdout.write(`${summary}\n`);
});

/** Requests that cost quota: all but team/usage. */
function billable(records: readonly RequestRecord[]): RequestRecord[] {
  return records.filter((record) => !record.path.includes('/team/usage'));
}

/** Every stored snapshot is the fault-free run's, entry for entry; every one not stored is listed as failed. */
function expectNothingWrongStored(run: Run): void {
  expect(run.integrity).toEqual(['ok']);
  expect(run.broken).toEqual([]);
  const expected = new Set(reference.data.entries);
  expect(run.data.entries.filter((line) => !expected.has(line))).toEqual([]);
  const expectedSnapshots = new Set(reference.data.snapshots);
  expect(run.data.snapshots.filter((line) => !expectedSnapshots.has(line))).toEqual([]);
  const storedDates = new Set(run.data.snapshots.map((line) => line.split(' ')[2]));
  const missing = reference.data.snapshots
    .map((line) => line.split(' ')[2]!)
    .filter((d) => !storedDates.has(d));
  if (run.execution.status === 'completed') expect(missing).toEqual([]);
  else expect([...run.execution.failedPeriods].sort()).toEqual(missing.sort());
}

for (const kind of KINDS) {
  const rates = kind.scope === 'stop' ? [1] : CHAOS_FULL ? RATES : (kind.reducedRates ?? RATES);
  describe(`fault sweep: ${kind.name}`, () => {
    for (const rate of rates) {
      const label = kind.scope === 'stop' ? 'mid-run' : `at ${Math.round(rate * 100)} %`;
      it(
        label,
        async () => {
          const baseline = billable(reference.records).length;
          const run = await backfill(kind.faults(rate, baseline));
          // The bound is on what costs quota: the free team/usage reads (the plan's limit read again after a 429,
          // a credentials check after a 401) are counted apart.
          const requests = billable(run.records).length;
          const free = run.records.length - requests;
          const faulted = run.records.filter((record) => record.fault !== null).length;
          const { execution } = run;
          figures.push(
            `${kind.name} ${label}: ${execution.status}${execution.errorCode ? ` (${execution.errorCode})` : ''}, ` +
              `${run.data.snapshots.length}/${WINDOW_DAYS} periods, ${requests} requests (${faulted} faulted, ` +
              `${(requests / baseline).toFixed(2)}× fault-free, ${free} free), ${run.attempts} attempt(s); on the execution: ` +
              `${requestSummary(execution)}`,
          );
          recordOutput('fault-sweep-errors', `${kind.name} ${label}: ${execution.errorMessage ?? ''}`);
          expectNothingWrongStored(run);
          // Every fault shows on the execution's record, by reason, even when the run completed.
          if (faulted > 0) expect(execution.requestsFailed).toBeGreaterThan(0);
          // The execution counts what it sent: what reached the emulator, and at most the few that did not (a
          // request on a kept-alive socket the emulator had just closed, one cut off by the sync's stop).
          expect(execution.requestsMade).toBeGreaterThanOrEqual(requests);
          expect(execution.requestsMade).toBeLessThanOrEqual(requests + IN_FLIGHT);

          if (kind.scope === 'stop') {
            expect(execution).toMatchObject({ status: 'failed', errorCode: kind.stopCode, retryCount: 0 });
            expect(run.health).toBe('action_required');
            const refusedAt = run.records.findIndex((record) => record.fault !== null);
            expect(refusedAt).toBeGreaterThanOrEqual(0);
            const refused = run.records[refusedAt]!;
            const after = run.records.slice(refusedAt + 1);
            // Only what was already on its way (and one free team/usage read, to check the credentials or the
            // quota again), never the refused request again.
            expect(after.filter((record) => !record.path.includes('/team/usage')).length).toBeLessThanOrEqual(
              IN_FLIGHT,
            );
            expect(after.filter((record) => record.path.includes('/team/usage')).length).toBeLessThanOrEqual(
              1,
            );
            expect(after.map((record) => record.path)).not.toContain(refused.path);
            for (const record of run.records.filter((r) => r.fault !== null)) {
              const later = run.records.slice(run.records.indexOf(record) + 1);
              expect(later.map((r) => r.path)).not.toContain(record.path);
            }
            return;
          }

          expect(faulted).toBeGreaterThan(0);
          // Each execution retry reads the date list again: its pages are allowed on top.
          const listPages = reference.records.filter((r) => r.path.includes('/available-rankings')).length;
          const retries = execution.retryCount;
          const perRequest = 1 / (1 - rate);
          const bound = Math.ceil(
            requestBound(kind, rate, baseline) + retries * listPages * perRequest * 1.2,
          );
          expect(requests).toBeLessThanOrEqual(bound);
          if (execution.status === 'completed') {
            expect(run.data).toEqual(reference.data);
          } else {
            // It could not finish: it says so, with its retries spent, and the schedule's health shows it.
            expect(execution).toMatchObject({ status: 'failed', retryCount: RETRY_POLICY.maxRetries });
            expect(execution.errorCode).not.toBeNull();
            expect(['failing', 'action_required', 'retrying']).toContain(run.health);
          }
          // At 30 % or less every run of this size completes.
          if (rate <= 0.3) expect(execution.status).toBe('completed');
        },
        chaosTimeout(60_000, 600_000),
      );
    }
  });
}
