import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { seedRankings } from '../../../bench/seed-rankings';
import { EXPORT_HEARTBEAT_MS } from '../../../electron/engine/export/export-service';
import { useExportEngine } from './export-fixture';

describe('the heartbeat of a running export', () => {
  const setup = useExportEngine();

  it('goes on while the destination is behind (a paused download), so no other process reaps it', async () => {
    let clock = Date.parse('2026-12-07T10:00:00Z');
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { engine } = setup();
      seedRankings(engine.database, 200, 200);
      // A client that reads nothing: the first bytes fill its buffer and the export waits for it.
      const stalled = new Writable({ highWaterMark: 1024, write: () => {} });
      const prepared = engine.exports.prepareStream({
        dataset: 'rankings',
        format: 'csv',
        charts: ['bench-chart'],
        sinceLast: false,
        bom: false,
      });
      const done = prepared.run(stalled);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const updatedAt = () =>
        engine.database.sqlite
          .prepare('SELECT updated_at FROM data_exports WHERE id = ?')
          .pluck()
          .get(prepared.view.id) as number;
      const beats: number[] = [];
      for (let beat = 1; beat <= 3; beat++) {
        clock += EXPORT_HEARTBEAT_MS;
        vi.advanceTimersByTime(EXPORT_HEARTBEAT_MS);
        beats.push(updatedAt() - clock);
      }
      prepared.cancel();
      stalled.destroy();
      expect((await done).status).toBe('cancelled');
      expect(beats).toEqual([0, 0, 0]);
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });
});
