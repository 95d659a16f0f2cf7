import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/engine/api/dispatch';
import { storeSnapshot } from '../../../electron/engine/sync/store-snapshot';
import type { ExportView } from '../../../shared/views/export';
import type { RankingView } from '../../../shared/views/ranking';
import { parseCsv, snapshot, useExportEngine } from './export-fixture';

describe('rankings export of a date stored twice', () => {
  const setup = useExportEngine();

  it('writes the date once, the later snapshot, as the ranking view shows it (one row per chart × date × position)', async () => {
    const { engine, dir, chartId } = setup();
    // 2026-11-03 published again at another time of day: a second snapshot of the same calendar date.
    const later = snapshot('global-28', '2026-11-03', [
      ['E', 0],
      ['C', 0],
      ['A', 2],
    ]);
    const datetime = '2026-11-03T18:00:00+00:00';
    storeSnapshot(
      engine.database,
      chartId('global-28'),
      { ...later, datetime, instant: Date.parse(datetime) },
      0,
    );
    const out = join(dir, 'rankings.csv');
    const started = engine.exports.start({
      dataset: 'rankings',
      format: 'csv',
      charts: ['global-28'],
      from: '2026-11-03',
      sinceLast: false,
      bom: false,
      out,
    });
    const view: ExportView = await engine.exports.finished(started.id);
    expect(view.status).toBe('completed');
    const [, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    const ranking = (await dispatch(engine.handlers, 'rankings/get', {
      chart: 'global-28',
      date: '2026-11-03',
    })) as { ok: true; value: RankingView };
    expect(ranking.ok).toBe(true);
    expect(rows.map((r) => `${r[5]} ${r[6]} ${r[9]} ${r[7]} ${r[8]}`)).toEqual(
      ranking.value.entries.map(
        (e) => `2026-11-03 ${e.position} ${e.song.uuid} ${e.previousPosition ?? ''} ${e.movement}`,
      ),
    );
    expect(view.rows).toBe(3);
    expect(view.totalRows).toBe(3);
  });
});
