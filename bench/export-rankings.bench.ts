import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, bench, describe } from 'vitest';
import { openDatabase } from '../electron/engine/db/open-database';
import { Engine } from '../electron/engine/engine';
import { rankingsReader } from '../electron/engine/export/read-rankings';
import { ReadSnapshot } from '../electron/engine/export/snapshot';
import { SANDBOX_CREDENTIALS } from '../electron/engine/soundcharts';
import { seedRankings } from './seed-rankings';

// 5,000 daily rankings of 200 entries: a million rows (BENCH_EXPORT_PERIODS makes it smaller for a quick look).
const PERIODS = Number(process.env.BENCH_EXPORT_PERIODS ?? 5_000);
const dir = mkdtempSync(join(tmpdir(), 'chart-sync-bench-'));
const engine = new Engine({
  database: openDatabase({ file: join(dir, 'chart-sync.sqlite') }),
  version: 'bench',
  connection: { baseUrl: 'http://127.0.0.1:9', credentials: SANDBOX_CREDENTIALS },
});
const chartId = seedRankings(engine.database, PERIODS, 200);
const MB = 1024 * 1024;
let run = 0;

afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`rankings export, ${(PERIODS * 200).toLocaleString('en')} rows`, () => {
  bench(
    'CSV to a file (as built: snapshot reader, movement, csv-stringify, temp file + rename)',
    async () => {
      global.gc?.();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      // Heap sampled at every progress event (every 250 ms) and every chunk's yield.
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
      const started = engine.exports.start({
        dataset: 'rankings',
        format: 'csv',
        charts: [String(chartId)],
        sinceLast: false,
        bom: false,
        out: join(dir, `rankings-${++run}.csv`),
      });
      const view = await engine.exports.finished(started.id);
      clearInterval(sample);
      delay.disable();
      if (view.status !== 'completed') throw new Error(view.error ?? view.status);
      console.log(
        `export ${run}: ${view.rows.toLocaleString('en')} rows, ${(view.bytes / MB).toFixed(0)} MB in ` +
          `${view.completedAt! - view.startedAt} ms; heap before ${(before / MB).toFixed(1)} MB, peak +` +
          `${((peak - before) / MB).toFixed(1)} MB; event loop delay max ${(delay.max / 1e6).toFixed(1)} ms, ` +
          `p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`,
      );
    },
    { iterations: 2, warmupIterations: 0, time: 0 },
  );

  bench(
    'the same rows through a raw .iterate() loop (no movement, no formatting, no file)',
    () => {
      const snapshot = new ReadSnapshot(engine.database.file);
      try {
        const statement = snapshot.connection.prepare(
          `SELECT c.slug, c.name, r.ranking_date, e.position, e.old_position, s.uuid, s.name, s.credit_name,
                  s.isrc, e.metric, e.time_on_chart
           FROM chart_rankings r JOIN charts c ON c.id = r.chart_id
           JOIN chart_ranking_entries e ON e.ranking_id = r.id JOIN songs s ON s.id = e.song_id
           WHERE r.chart_id = ? ORDER BY r.ranking_instant, r.id, e.position`,
        );
        let rows = 0;
        for (const _row of statement.iterate(chartId)) rows += 1;
        if (rows !== PERIODS * 200) throw new Error(`read ${rows} rows`);
      } finally {
        snapshot.close();
      }
    },
    { iterations: 2, warmupIterations: 0, time: 0 },
  );

  bench(
    'the export reader alone (movement computed, no formatting, no file)',
    () => {
      const snapshot = new ReadSnapshot(engine.database.file);
      try {
        const reader = rankingsReader(snapshot.connection, {
          chartIds: [chartId],
          from: null,
          to: null,
          after: null,
        });
        let rows = 0;
        for (const _row of reader.rows()) rows += 1;
        if (rows !== PERIODS * 200) throw new Error(`read ${rows} rows`);
      } finally {
        snapshot.close();
      }
    },
    { iterations: 2, warmupIterations: 0, time: 0 },
  );
});
