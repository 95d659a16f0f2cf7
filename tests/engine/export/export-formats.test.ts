import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportView } from '../../../shared/views/export';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { Engine } from '../../../electron/engine/engine';
import { unescapeTsv } from '../../../electron/engine/export/writers';
import { parseCsv, RANKING_HEADER, SONGS, useExportEngine } from './export-fixture';

async function exportTo(engine: Engine, input: Record<string, unknown>): Promise<ExportView> {
  const started = await dispatch(engine.handlers, 'exports/start', input);
  if (!started.ok) throw new Error(started.error.message);
  const view = await engine.exports.finished((started.value as ExportView).id);
  if (view.status !== 'completed') throw new Error(`export ${view.status}: ${view.error}`);
  return view;
}

type Stored = {
  date: string;
  position: number;
  uuid: string;
  title: string;
  artists: string;
  metric: number;
};

/** The database's side of the comparison: global-28's entries in export order. */
function storedRankings(engine: Engine): Stored[] {
  return engine.database.sqlite
    .prepare(
      `SELECT r.ranking_date AS date, e.position, s.uuid, s.name AS title, s.credit_name AS artists, e.metric
       FROM chart_ranking_entries e JOIN chart_rankings r ON r.id = e.ranking_id
       JOIN charts c ON c.id = r.chart_id JOIN songs s ON s.id = e.song_id
       WHERE c.slug = 'global-28' ORDER BY r.ranking_instant, e.position`,
    )
    .all() as Stored[];
}

describe('every format re-read and compared with the database', () => {
  const setup = useExportEngine();

  it('TSV: tabs, line breaks and backslashes in values are escaped, one line per row', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'rankings.tsv');
    await exportTo(engine, { dataset: 'rankings', format: 'tsv', out, bom: true });
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeffchart_slug\tchart_name\t')).toBe(true);
    const lines = text.slice(1).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(10);
    const rows = lines.slice(1).map((line) => line.split('\t').map(unescapeTsv));
    expect(rows.every((row) => row.length === 16)).toBe(true);
    expect(
      rows.map((r) => ({
        date: r[5],
        position: Number(r[6]),
        uuid: r[9],
        title: r[10],
        artists: r[11],
        metric: Number(r[13]),
      })),
    ).toEqual(storedRankings(engine));
    expect(rows.map((r) => r[10])).toContain(SONGS.E.name);
    expect(lines.find((l) => l.includes('song-e'))).toContain('Tab\\there\\r\\nand \\\\ backslash');
  });

  it('NDJSON: one object per line, numbers as numbers, null for nothing', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'rankings.ndjson');
    await exportTo(engine, { dataset: 'rankings', format: 'ndjson', out, bom: true });
    const text = readFileSync(out, 'utf8');
    // No byte-order mark in NDJSON: it is not for Excel, and JSON parsers refuse one.
    expect(text.charCodeAt(0)).toBe('{'.charCodeAt(0));
    const records = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(
      records.map((r) => ({
        date: r.ranking_date,
        position: r.position,
        uuid: r.song_uuid,
        title: r.title,
        artists: r.artists,
        metric: r.metric,
      })),
    ).toEqual(storedRankings(engine));
    expect(records[1]).toMatchObject({ previous_position: 5, movement: 'up', isrc: null, time_on_chart: 4 });
  });

  it('XLSX: read back with exceljs, dates are dates, numbers numbers, the header frozen', async () => {
    const { engine, dir } = setup();
    const out = join(dir, 'rankings.xlsx');
    const view = await exportTo(engine, { dataset: 'rankings', format: 'xlsx', out });
    expect(view.bytes).toBe(readFileSync(out).length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('rankings')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, ...RANKING_HEADER]);
    expect(sheet.getColumn(11).width).toBeGreaterThan(20);
    expect(sheet.rowCount).toBe(10);
    const rows: Stored[] = [];
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      const date = row.getCell(6).value;
      expect(date).toBeInstanceOf(Date);
      expect(typeof row.getCell(7).value).toBe('number');
      rows.push({
        date: (date as Date).toISOString().slice(0, 10),
        position: row.getCell(7).value as number,
        uuid: row.getCell(10).value as string,
        title: row.getCell(11).value as string,
        artists: row.getCell(12).value as string,
        metric: row.getCell(14).value as number,
      });
    });
    // A workbook keeps line breaks as LF (XML normalises CR away); everything else is as stored.
    const stored = storedRankings(engine).map((r) => ({ ...r, title: r.title.replace('\r\n', '\n') }));
    expect(rows).toEqual(stored);
    expect(rows.map((r) => r.title)).toContain('夜に駆ける');
    expect(sheet.getCell('F2').numFmt).toBe('yyyy-mm-dd');
  });

  it('songs, audience and executions export in every format', async () => {
    const { engine, dir } = setup();
    engine.database.sqlite
      .prepare(
        `UPDATE songs SET isrc = 'FR1234567890', release_date = '2024-05-03T00:00:00+00:00', explicit = 1,
           labels_json = '[{"name":"Label, One","type":null},{"name":"二","type":"x"}]' WHERE uuid = 'song-c'`,
      )
      .run();
    const songC = engine.database.sqlite.prepare("SELECT id FROM songs WHERE uuid = 'song-c'").pluck().get();
    engine.database.sqlite
      .prepare(
        `INSERT INTO song_audience (song_id, platform, date, value, identifier, fetched_at) VALUES
         (?, 'spotify', '2026-11-01', 1500, 'sp:1', 1000), (?, 'spotify', '2026-11-02', 2500.5, 'sp:1', 1000)`,
      )
      .run(songC, songC);
    const songs = await exportTo(engine, { dataset: 'songs', format: 'csv', out: join(dir, 's.csv') });
    const [songHeader, ...songRows] = parseCsv(readFileSync(join(dir, 's.csv'), 'utf8'));
    // Only songs on scheduled charts: D is also on us-weekly-7, but on global-28 too.
    expect(songs.rows).toBe(5);
    const c = songRows.find((r) => r[0] === 'song-c')!;
    expect(Object.fromEntries(songHeader!.map((h, i) => [h, c[i]]))).toMatchObject({
      title: 'Café Déjà Vu',
      isrc: 'FR1234567890',
      release_date: '2024-05-03',
      explicit: 'true',
      labels: 'Label, One; 二',
    });

    await exportTo(engine, {
      dataset: 'audience',
      format: 'ndjson',
      out: join(dir, 'a.ndjson'),
      from: '2026-11-02',
    });
    const audience = readFileSync(join(dir, 'a.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(audience).toEqual([
      {
        song_uuid: 'song-c',
        title: 'Café Déjà Vu',
        artists: 'Zoé',
        isrc: 'FR1234567890',
        platform: 'spotify',
        date: '2026-11-02',
        value: 2500.5,
        identifier: 'sp:1',
        fetched_at: expect.stringMatching(/^1970-01-01T/) as unknown,
      },
    ]);

    const schedule = engine.schedules.getByChart(
      engine.database.sqlite
        .prepare("SELECT id FROM charts WHERE slug = 'global-28'")
        .pluck()
        .get() as number,
    )!;
    const execution = engine.executions.start(schedule.id, 'manual');
    await exportTo(engine, { dataset: 'executions', format: 'xlsx', out: join(dir, 'x.xlsx') });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'x.xlsx'));
    const sheet = workbook.getWorksheet('executions')!;
    expect(sheet.getRow(2).getCell(1).value).toBe(execution.id);
    expect(sheet.getRow(2).getCell(5).value).toBe('pending');
    expect(sheet.getRow(2).getCell(7).value).toBeInstanceOf(Date);
  });
});
