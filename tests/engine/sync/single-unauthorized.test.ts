import { describe, expect, it } from 'vitest';
import { enqueueStaleMetadata } from '../../../electron/engine/enrichment/stale-metadata';
import { DAY_MS } from '../../../shared/domain/policies';
import { useTestEngine } from '../../support/sync-engine';

const { emulator, start: setup } = useTestEngine();

const answered401 = (match: (path: string) => boolean) =>
  emulator.current.stats.count((r) => r.status === 401 && match(r.path));

describe('a 401 is checked before the credentials are declared refused (defect 7.7)', () => {
  it('one random 401 on a ranking page does not fail the execution: the credentials are checked once', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    const { schedule } = engine.schedules.create({
      chartId: id,
      historyWindowDays: 10,
      fetchTrackMetadata: false,
    });
    emulator.current.stats.reset();
    emulator.current.faults.configure({ unauthorized: { next: 1, match: '/ranking/' } });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({ status: 'completed', periodsSynced: 10, errorCode: null });
    expect(execution.requestFailures).toEqual({ '401': 1 });
    expect(engine.schedules.get(schedule.id).attentionReason).toBeNull();
    // The check: team/usage, free, once.
    expect(emulator.current.stats.count((r) => r.path.includes('/team/usage'))).toBeLessThanOrEqual(2);
  });

  it('credentials revoked mid-run: the sync and the metadata fetching stop at once', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 30, fetchTrackMetadata: true });
    let revoked = false;
    engine.events.on('rankings/stored', () => {
      if (revoked) return;
      revoked = true;
      emulator.current.stats.reset();
      emulator.current.faults.configure({ unauthorized: { probability: 1 } });
    });
    const execution = await engine.syncChart(id, 'manual', { metadata: 'later' });
    await engine.metadataDone();
    expect(execution).toMatchObject({ status: 'failed', errorCode: 'auth' });
    const inFlight = engine.settings.get().requestsInFlight;
    // Song metadata and audience (a chart's ranking path has /song/ in it too).
    const songs = answered401((path) => /\/song\/[0-9a-f]{8}-/.test(path) && !path.includes('/ranking/'));
    const rankings = answered401((path) => path.includes('/ranking/'));
    // At most what was already in flight when the refusal was confirmed, once: nothing sent after it.
    expect(rankings).toBeLessThanOrEqual(inFlight);
    expect(songs).toBeLessThanOrEqual(inFlight);
    expect(engine.enrichment.paused?.code).toBe('auth');
    // One credential check confirms the refusal; the requests already in flight then fail on that verdict
    // without asking team/usage again each.
    expect(emulator.current.stats.count((r) => r.path.includes('/team/usage'))).toBe(1);
  });
});

describe('refused credentials stop metadata fetching too (defect 7.7)', () => {
  it('after a sync failed on refused credentials, the metadata it queued earlier sends nothing', async () => {
    const { engine, chartId, clock } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 2, fetchTrackMetadata: false });
    await engine.syncChart(id);
    const songs = engine.database.sqlite.prepare('SELECT uuid FROM songs LIMIT 40').pluck().all() as string[];
    expect(songs.length).toBeGreaterThan(20);
    enqueueStaleMetadata(engine.database, songs, clock.now());
    emulator.current.stats.reset();
    emulator.current.faults.configure({ unauthorized: { probability: 1 } });
    clock.advance(DAY_MS);
    const execution = await engine.syncChart(id, 'manual', { metadata: 'later' });
    expect(execution).toMatchObject({ status: 'failed', errorCode: 'auth' });
    await engine.metadataDone();
    expect(answered401((path) => /\/song\/[0-9a-f]{8}-/.test(path) && !path.includes('/ranking/'))).toBe(0);
    expect(engine.enrichment.paused?.code).toBe('auth');
  });
});
