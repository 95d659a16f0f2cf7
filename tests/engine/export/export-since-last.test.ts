import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportView } from '../../../shared/views/export';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { Engine } from '../../../electron/engine/engine';
import { useExportEngine } from './export-fixture';

async function sinceLast(engine: Engine, dataset: string, out: string): Promise<ExportView> {
  const started = await dispatch(engine.handlers, 'exports/start', {
    dataset,
    format: 'ndjson',
    out,
    sinceLast: true,
  });
  if (!started.ok) throw new Error(started.error.message);
  return engine.exports.finished((started.value as ExportView).id);
}

describe('since last export: each dataset’s watermark', () => {
  const setup = useExportEngine();

  it('songs: those added or changed since (updated_at)', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'songs.ndjson');
    expect((await sinceLast(engine, 'songs', out)).rows).toBe(5);
    expect((await sinceLast(engine, 'songs', out)).rows).toBe(0);
    engine.database.sqlite
      .prepare(
        "UPDATE songs SET isrc = 'FR0000000001', updated_at = (SELECT max(updated_at) + 1 FROM songs) WHERE uuid = 'song-c'",
      )
      .run();
    const view = await sinceLast(engine, 'songs', out);
    expect(view.rows).toBe(1);
    expect(view.filters.sinceLast).toBe(true);
  });

  it('audience: the points fetched since (fetched_at)', async () => {
    const { engine, dir } = setup();
    const sqlite = engine.database.sqlite;
    const song = sqlite.prepare("SELECT id FROM songs WHERE uuid = 'song-a'").pluck().get();
    const insert = sqlite.prepare(
      "INSERT INTO song_audience (song_id, platform, date, value, fetched_at) VALUES (?, 'spotify', ?, ?, ?)",
    );
    insert.run(song, '2026-11-01', 10, 1_000);
    const out = join(dir, 'audience.ndjson');
    expect((await sinceLast(engine, 'audience', out)).rows).toBe(1);
    insert.run(song, '2026-11-02', 20, 2_000);
    expect((await sinceLast(engine, 'audience', out)).rows).toBe(1);
    expect((await sinceLast(engine, 'audience', out)).rows).toBe(0);
  });

  it('executions: those that ended since (completed_at); a running one waits for the next export', async () => {
    const { engine, dir, chartId } = setup();
    const schedule = engine.schedules.getByChart(chartId('global-28'))!;
    const execution = engine.executions.start(schedule.id, 'manual');
    const out = join(dir, 'executions.ndjson');
    // The first export has nothing before it: everything, the waiting one too.
    expect((await sinceLast(engine, 'executions', out)).rows).toBe(1);
    expect((await sinceLast(engine, 'executions', out)).rows).toBe(0);
    engine.executions.cancel(execution.id);
    expect((await sinceLast(engine, 'executions', out)).rows).toBe(1);
    expect((await sinceLast(engine, 'executions', out)).rows).toBe(0);
  });

  it('a failed or cancelled export does not move the watermark', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'rankings.ndjson');
    const started = await dispatch(engine.handlers, 'exports/start', {
      dataset: 'rankings',
      format: 'ndjson',
      out,
      sinceLast: true,
    });
    if (!started.ok) throw new Error(started.error.message);
    await engine.exports.cancel((started.value as ExportView).id);
    expect((await sinceLast(engine, 'rankings', out)).rows).toBe(9);
  });
});
