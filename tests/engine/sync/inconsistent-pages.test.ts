import { describe, expect, it } from 'vitest';
import { storedSnapshots } from '../../../electron/engine/sync/store-snapshot';
import { useTestEngine } from '../../support/sync-engine';

const { emulator, start: setup } = useTestEngine();

describe('a backfill never completes on pages that do not add up', () => {
  it('a date list whose page.total understates it fails visibly instead of completing with periods left out', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 30, fetchTrackMetadata: false });
    // Dates in random order, and every page of the list says the list is 400 dates shorter than it is: the pages
    // the client would never ask for hold dates of the window.
    emulator.current.faults.configure({
      shuffledDates: true,
      wrongTotal: { probability: 1, delta: -400, match: '/available-rankings' },
    });
    const execution = await engine.syncChart(id);
    const stored = storedSnapshots(engine.database, id, { from: '2025-01-01', to: '2025-12-31' });
    // Before the fix: completed, 100 %, with 17 of the window's 30 days stored.
    expect(execution.status === 'completed' && stored.length < 30).toBe(false);
    expect(execution).toMatchObject({ status: 'pending', errorCode: 'malformed_response', retryCount: 1 });
    expect(execution.errorMessage).toMatch(/page\.total/);
  });

  it('a ranking fetched again because its pages did not add up shows as a failed request attempt', async () => {
    const { engine, chartId } = await setup();
    const id = chartId({ slug: 'global-28' });
    engine.schedules.create({ chartId: id, historyWindowDays: 3, fetchTrackMetadata: false });
    emulator.current.faults.configure({ duplicatePositions: { next: 1, match: '/ranking/' } });
    const execution = await engine.syncChart(id);
    expect(execution).toMatchObject({ status: 'completed', periodsSynced: 3 });
    // Before the fix: 0 failed, although one ranking cost its pages twice.
    expect(execution.requestsFailed).toBe(1);
    expect(execution.requestFailures).toEqual({ inconsistent: 1 });
  });
});
