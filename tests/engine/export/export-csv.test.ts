import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { Result } from '../../../shared/errors';
import type { ExportView } from '../../../shared/views/export';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { Engine } from '../../../electron/engine/engine';
import { parseCsv, RANKING_HEADER, SONGS, useExportEngine } from './export-fixture';

async function call<K extends CallName>(
  engine: Engine,
  name: K,
  input: CallInput<K> | Record<string, unknown>,
): Promise<Result<CallOutput<K>>> {
  return (await dispatch(engine.handlers, name, input)) as Result<CallOutput<K>>;
}

async function exportTo(engine: Engine, input: Record<string, unknown>): Promise<ExportView> {
  const started = await call(engine, 'exports/start', input);
  if (!started.ok) throw new Error(started.error.message);
  return engine.exports.finished(started.value.id);
}

describe('rankings as CSV', () => {
  const setup = useExportEngine();

  it('writes every scheduled chart in long form, RFC 4180, with movement against the previous stored period', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'rankings.csv');
    const view = await exportTo(engine, { dataset: 'rankings', format: 'csv', out });
    expect(view).toMatchObject({ status: 'completed', rows: 9, totalRows: 9, destination: out, error: null });
    const bytes = readFileSync(out);
    expect(view.bytes).toBe(bytes.length);
    expect(bytes.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    const [header, ...rows] = parseCsv(bytes.toString('utf8'));
    expect(header).toEqual(RANKING_HEADER);
    // us-weekly-7 has no schedule: not exported when no chart is named.
    expect(rows.map((r) => [r[5], r[6], r[10], r[7], r[8]])).toEqual([
      ['2026-11-01', '1', SONGS.A.name, '', 'new'],
      ['2026-11-01', '2', SONGS.B.name, '5', 'up'],
      ['2026-11-01', '3', SONGS.C.name, '', 'new'],
      ['2026-11-02', '1', SONGS.B.name, '2', 'up'],
      ['2026-11-02', '2', SONGS.A.name, '1', 'down'],
      ['2026-11-02', '3', SONGS.D.name, '', 'new'],
      ['2026-11-03', '1', SONGS.C.name, '', 're-entry'],
      ['2026-11-03', '2', SONGS.A.name, '2', 'same'],
      ['2026-11-03', '3', SONGS.E.name, '', 'new'],
    ]);
    expect(rows[0]).toEqual([
      'global-28',
      'Top Songs',
      'spotify',
      '',
      'daily',
      '2026-11-01',
      '1',
      '',
      'new',
      'song-a',
      SONGS.A.name,
      SONGS.A.creditName,
      '',
      '1000',
      '3',
      'DOC',
    ]);
    expect(rows[1]![13]).toBe('989.5');
    // No temporary file is left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('starts with a byte-order mark when asked, and compares with the database row for row', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'bom.csv');
    await exportTo(engine, { dataset: 'rankings', format: 'csv', out, bom: true, charts: ['us-weekly-7'] });
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const [, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    const stored = engine.database.sqlite
      .prepare(
        `SELECT s.uuid, s.name, s.credit_name AS credit FROM chart_ranking_entries e
         JOIN chart_rankings r ON r.id = e.ranking_id JOIN charts c ON c.id = r.chart_id
         JOIN songs s ON s.id = e.song_id WHERE c.slug = 'us-weekly-7' ORDER BY e.position`,
      )
      .all() as { uuid: string; name: string; credit: string }[];
    expect(rows.map((r) => ({ uuid: r[9], name: r[10], credit: r[11] }))).toEqual(stored);
    expect(rows[0]![10]).toBe('夜に駆ける');
  });

  it('filters by chart (id or slug) and date range', async () => {
    const { engine, dir, chartId } = setup();
    const out = join(dir, 'range.csv');
    const view = await exportTo(engine, {
      dataset: 'rankings',
      format: 'csv',
      out,
      charts: [String(chartId('global-28')), 'us-weekly-7'],
      from: '2026-11-02',
      to: '2026-11-02',
    });
    const [, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(rows.map((r) => `${r[0]} ${r[5]} ${r[6]} ${r[8]}`)).toEqual([
      'global-28 2026-11-02 1 up',
      'global-28 2026-11-02 2 down',
      'global-28 2026-11-02 3 new',
      'us-weekly-7 2026-11-02 1 new',
    ]);
    expect(view.filters).toEqual({
      charts: [String(chartId('global-28')), 'us-weekly-7'],
      from: '2026-11-02',
      to: '2026-11-02',
      sinceLast: false,
      bom: false,
    });
  });
});

describe('exports/start, list, get and cancel', () => {
  const setup = useExportEngine();

  it('writes to the exports folder beside the database by default, records it and announces it', async () => {
    const { engine, dir } = setup();
    const updates: ExportView[] = [];
    engine.events.on('export/updated', (view) => updates.push(view));
    const view = await exportTo(engine, { dataset: 'songs', format: 'csv' });
    expect(view.destination).toMatch(/[/\\]exports[/\\]songs-\d{8}-\d{6}\.csv$/);
    expect(view.destination.startsWith(join(dir, 'exports'))).toBe(true);
    expect(existsSync(view.destination)).toBe(true);
    expect(updates.map((u) => u.status)).toEqual(['running', 'completed']);
    const list = await call(engine, 'exports/list', {});
    expect(list.ok && list.value).toMatchObject({ total: 1, items: [{ id: view.id, status: 'completed' }] });
    const got = await call(engine, 'exports/get', { id: view.id });
    expect(got.ok && got.value).toEqual(view);
    expect(view.actor).toBe('scheduler');
  });

  it('since last export: the second export to the same file holds only what was stored in between', async () => {
    const { engine, dir, chartId } = setup();
    const out = join(dir, 'since.csv');
    const first = await exportTo(engine, { dataset: 'rankings', format: 'csv', out, sinceLast: true });
    expect(first.rows).toBe(9);
    const again = await exportTo(engine, { dataset: 'rankings', format: 'csv', out, sinceLast: true });
    expect(again.rows).toBe(0);
    expect(parseCsv(readFileSync(out, 'utf8'))).toEqual([RANKING_HEADER]);
    const { storeSnapshot } = await import('../../../electron/engine/sync/store-snapshot');
    const { snapshot } = await import('./export-fixture');
    storeSnapshot(
      engine.database,
      chartId('global-28'),
      snapshot('global-28', '2026-11-04', [
        ['D', 0],
        ['C', 1],
      ]),
      0,
    );
    const third = await exportTo(engine, { dataset: 'rankings', format: 'csv', out, sinceLast: true });
    const [, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(third.rows).toBe(2);
    // Movement still compares with the stored period before, which this export did not write.
    expect(rows.map((r) => `${r[5]} ${r[6]} ${r[7]} ${r[8]}`)).toEqual([
      '2026-11-04 1  re-entry',
      '2026-11-04 2 1 down',
    ]);
    // Another destination has its own "last export".
    const elsewhere = await exportTo(engine, {
      dataset: 'rankings',
      format: 'csv',
      out: join(dir, 'other.csv'),
      sinceLast: true,
    });
    expect(elsewhere.rows).toBe(11);
  });

  it('refuses bad input naming the field', async () => {
    const { engine, dir } = setup();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ dataset: 'charts', format: 'csv' }, 'dataset', /Unknown dataset "charts"/],
      [{ dataset: 'rankings' }, 'format', /Choose a format/],
      [{ dataset: 'rankings', format: 'pdf' }, 'format', /Unknown format "pdf"/],
      [{ dataset: 'rankings', format: 'csv', out: 'relative.csv' }, 'out', /absolute path/],
      [{ dataset: 'rankings', format: 'csv', out: join(dir, 'missing', 'x.csv') }, 'out', /does not exist/],
      [{ dataset: 'rankings', format: 'csv', out: dir }, 'out', /is a folder/],
      [{ dataset: 'rankings', format: 'csv', out: join(dir, 'chart-sync.sqlite') }, 'out', /database/],
      [{ dataset: 'rankings', format: 'csv', charts: ['nope'] }, 'charts', /No chart "nope"/],
      [{ dataset: 'rankings', format: 'csv', from: '2026-02-30' }, 'from', /calendar date/],
      [{ dataset: 'rankings', format: 'csv', from: '2026-11-03', to: '2026-11-01' }, 'from', /not be after/],
      [{ dataset: 'backup', format: 'csv' }, 'format', /takes no format/],
      [{ dataset: 'backup', charts: ['global-28'] }, 'charts', /no filters/],
    ];
    for (const [input, field, message] of cases) {
      const result = await call(engine, 'exports/start', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.message).toMatch(message);
      expect(Object.keys(result.error.fields ?? {})).toContain(field);
    }
    const list = await call(engine, 'exports/list', {});
    expect(list.ok && list.value.total).toBe(0);
    const missing = await call(engine, 'exports/get', { id: 99 });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('a cancelled export leaves no file, temporary or final; an ended one cannot be cancelled', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'cancelled.csv');
    const started = await call(engine, 'exports/start', { dataset: 'rankings', format: 'csv', out });
    if (!started.ok) throw new Error(started.error.message);
    const cancelled = await call(engine, 'exports/cancel', { id: started.value.id });
    expect(cancelled.ok && cancelled.value).toMatchObject({ status: 'cancelled', error: 'Cancelled.' });
    expect(
      readdirSync(dir).filter((f) => f !== 'chart-sync.sqlite' && !f.startsWith('chart-sync.sqlite-')),
    ).toEqual([]);
    const again = await call(engine, 'exports/cancel', { id: started.value.id });
    expect(!again.ok && again.error).toMatchObject({ code: 'invalid_state' });
  });

  it('a failed export leaves no file and says why', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'failed.csv');
    // The database file disappears from under the export's own connection: it cannot open its snapshot.
    const spy = engine.exports as unknown as { options: { database: { file: string } } };
    const original = spy.options.database;
    spy.options.database = { ...original, file: join(dir, 'gone.sqlite') };
    const view = await exportTo(engine, { dataset: 'rankings', format: 'csv', out });
    spy.options.database = original;
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/The export failed/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('failed'))).toEqual([]);
  });

  it('closing the engine cancels a running export and removes its file', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'closing.csv');
    const started = await call(engine, 'exports/start', { dataset: 'rankings', format: 'csv', out });
    if (!started.ok) throw new Error(started.error.message);
    const done = engine.exports.finished(started.value.id);
    const database = engine.database;
    await engine.exports.close();
    // Not "Cancelled.", which reads as if the operator had cancelled it.
    expect(await done).toMatchObject({
      status: 'cancelled',
      error: expect.stringMatching(/^Stopped: Chart Sync closed while/),
    });
    expect(database.sqlite.open).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('a reconnection that closes the engine says so on the export it stopped', async () => {
    const { engine, dir } = setup();
    const started = await call(engine, 'exports/start', {
      dataset: 'rankings',
      format: 'csv',
      out: join(dir, 'reconnect.csv'),
    });
    if (!started.ok) throw new Error(started.error.message);
    const done = engine.exports.finished(started.value.id);
    await engine.exports.close('reconnect');
    expect((await done).error).toMatch(/^Stopped: the Soundcharts connection changed/);
  });
});

describe('an export left running by a process that is gone', () => {
  const setup = useExportEngine();

  it('is marked failed once its heartbeat is older than a minute, and its temporary file removed', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'killed.csv');
    const partial = join(dir, '.killed.csv.0a1b2c3d.partial');
    writeFileSync(partial, 'half a file');
    const long = Date.now() - 120_000;
    engine.database.sqlite
      .prepare(
        `INSERT INTO data_exports (dataset, format, destination, status, started_at, created_at, updated_at)
         VALUES ('rankings', 'csv', ?, 'running', ?, ?, ?), ('songs', 'csv', ?, 'running', ?, ?, ?)`,
      )
      .run(out, long, long, long, join(dir, 'alive.csv'), long, long, Date.now());
    const list = await call(engine, 'exports/list', {});
    expect(list.ok && list.value.items.map((e) => [e.dataset, e.status, e.error])).toEqual([
      // Another process's export that is still alive (a fresh heartbeat) is left alone.
      ['songs', 'running', null],
      [
        'rankings',
        'failed',
        'Interrupted: the Chart Sync process running this export stopped before it ended.',
      ],
    ]);
    expect(existsSync(partial)).toBe(false);
  });
});
