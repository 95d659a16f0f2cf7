import { describe, expect, it } from 'vitest';
import { windowSpan } from '../../../shared/domain/sync-plan';
import { clientFor } from '../../support/emulator';
import { storedRankings, useTestEngine } from '../../support/sync-engine';

const { emulator, start: setup } = useTestEngine();

/** What the emulator serves for a chart within the window: datetime → positions, through a plain client. */
async function emulatorRankings(slug: string, from: string, to: string): Promise<Map<string, string[]>> {
  const client = clientFor(emulator.current);
  const expected = new Map<string, string[]>();
  for (const date of await client.availableRankings(slug)) {
    if (date.date < from || date.date > to) continue;
    const snapshot = await client.rankingAt(slug, date.datetime);
    expected.set(
      snapshot.datetime,
      snapshot.entries.map((e) => `${e.position}:${e.song.uuid}:${e.metric}:${e.oldPosition}`),
    );
  }
  return expected;
}

const rankingRequests = () =>
  emulator.current.stats.count((r) => r.path.includes('/ranking/') && r.status === 200);

describe('complete history', () => {
  it('backfills a full year of a daily 200-entry chart with exactly the emulator’s data', async () => {
    const { engine, chartId, errors } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 365 });
    // The rankings are what this checks: the metadata of the year's songs is left to fetch after the report.
    const execution = await engine.syncChart(id, 'manual', { metadata: 'later' });
    expect(execution).toMatchObject({
      status: 'completed',
      rankingsCreated: 365,
      rankingsUpdated: 0,
      periodsPlanned: 365,
      periodsSynced: 365,
      periodsFailed: 0,
      retryCount: 0,
    });
    expect(execution.tracksCreated).toBeGreaterThan(200);
    const stored = storedRankings(engine, id);
    expect(stored.size).toBe(365);
    for (const entries of stored.values()) expect(entries).toHaveLength(200);
    expect(stored).toEqual(await emulatorRankings('global-28', '2024-08-24', '2025-08-23'));
    expect(errors).toEqual([]);
  });

  it.each(['weekly', 'monthly'])('backfills a %s chart, one snapshot per period', async (frequency) => {
    const { engine, chartId } = await setup();
    const id = chartId({ frequency });
    const schedule = engine.schedules.create({ chartId: id, historyWindowDays: 365 }).schedule;
    expect(schedule.syncFrequency).toBe(frequency);
    const execution = await engine.syncChart(id);
    expect(execution.status).toBe('completed');
    // The window's first week or month starts before its first day: its ranking belongs to the window too.
    const span = windowSpan(frequency as 'weekly' | 'monthly', { from: '2024-08-24', to: '2025-08-23' });
    const expected = await emulatorRankings(schedule.chart.slug, span.from, span.to);
    expect(expected.size).toBe(frequency === 'weekly' ? 53 : 13);
    expect(storedRankings(engine, id)).toEqual(expected);
    expect(execution.rankingsCreated).toBe(expected.size);
  });

  it('finds deleted periods and refills them; a second run fetches nothing', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 60 });
    await engine.syncChart(id);
    const complete = storedRankings(engine, id);

    engine.database.sqlite
      .prepare(
        `DELETE FROM chart_rankings WHERE chart_id = ? AND ranking_date IN ('2025-07-01', '2025-07-15', '2025-08-20')`,
      )
      .run(id);
    // A snapshot that lost entries (an old interrupted write) is incomplete and fetched again in place.
    engine.database.sqlite
      .prepare(
        `DELETE FROM chart_ranking_entries WHERE position > 150 AND ranking_id =
           (SELECT id FROM chart_rankings WHERE chart_id = ? AND ranking_date = '2025-08-01')`,
      )
      .run(id);
    engine.database.sqlite
      .prepare(
        `UPDATE chart_rankings SET entry_count = 150 WHERE chart_id = ? AND ranking_date = '2025-08-01'`,
      )
      .run(id);

    emulator.current.stats.reset();
    const refill = await engine.syncChart(id);
    expect(refill).toMatchObject({
      status: 'completed',
      rankingsCreated: 3,
      rankingsUpdated: 1,
      periodsPlanned: 4,
    });
    expect(storedRankings(engine, id)).toEqual(complete);
    expect(rankingRequests()).toBe(8);

    emulator.current.stats.reset();
    const again = await engine.syncChart(id);
    expect(again).toMatchObject({
      status: 'completed',
      rankingsCreated: 0,
      rankingsUpdated: 0,
      periodsPlanned: 0,
    });
    expect(rankingRequests()).toBe(0);
  });

  it('with historical sync off fetches only the newest period', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, syncHistoricalData: false });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({ status: 'completed', rankingsCreated: 1, periodsPlanned: 1 });
    expect([...storedRankings(engine, id).keys()]).toEqual(['2025-08-23T12:00:00+00:00']);
  });

  it('previews the periods and their request cost without fetching a ranking', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({ chartId: id, historyWindowDays: 30 });
    emulator.current.stats.reset();
    const preview = await engine.preview(schedule.id);
    expect(preview.periods).toHaveLength(30);
    expect(preview.periods[0]).toMatchObject({ key: '2025-08-23', reason: 'missing', listed: true });
    expect(preview.requestCost).toBe(60);
    expect(rankingRequests()).toBe(0);
    expect(engine.executions.listForSchedule(schedule.id)).toEqual([]);
  });

  it('gives the same final data with 20 % injected faults', async () => {
    const { engine, chartId, clock } = await setup();
    const id = chartId({ slug: 'global-28' });
    // No metadata fetches: the faults then hit the same requests on every run (they are drawn from the seed).
    const { schedule } = engine.schedules.create({
      chartId: id,
      historyWindowDays: 45,
      fetchTrackMetadata: false,
    });
    emulator.current.faults.configure({
      serverError: { probability: 0.1 },
      connectionReset: { probability: 0.08 },
      malformedJson: { probability: 0.02 },
      shuffledDates: true,
    });
    let execution = await engine.syncChart(id);
    // Failed periods make the execution wait out its backoff; let time pass until it has finished.
    while (execution.status === 'pending') {
      clock.set(execution.nextAttemptAt!);
      await engine.scheduler.wake();
      await engine.scheduler.idle();
      execution = engine.executions.get(execution.id);
    }
    emulator.current.faults.reset();
    expect(execution, execution.errorMessage ?? '').toMatchObject({ status: 'completed' });
    expect(emulator.current.stats.count((r) => r.fault !== null)).toBeGreaterThan(10);
    const view = engine.schedules.get(schedule.id);
    expect(view).toMatchObject({ totalExecutions: 1, successfulExecutions: 1, failedExecutions: 0 });
    expect(storedRankings(engine, id)).toEqual(
      await emulatorRankings('global-28', '2025-07-10', '2025-08-23'),
    );
  });
});
