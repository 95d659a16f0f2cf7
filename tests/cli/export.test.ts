import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/engine/db/open-database';
import { DEMO_DATABASE_FILE_NAME } from '../../electron/engine/host';
import type { ExportPage, ExportView } from '../../shared/views/export';
import { seedRankings } from '../../bench/seed-rankings';
import { parseCsv } from '../engine/export/export-fixture';
import { useTempDir } from '../support/database';
import { useCli } from './run-cli';
import { freshMachineEnv, spawnChartSync } from './spawn-chart-sync';

describe('chart-sync export and exports', () => {
  const { cli, dataDir } = useCli();

  /** The CLI's demo database with `periods` rankings of bench-chart, made before the first command. */
  const seed = (periods: number) => {
    const database = openDatabase({ file: join(dataDir(), DEMO_DATABASE_FILE_NAME) });
    try {
      seedRankings(database, periods, 20);
    } finally {
      database.close();
    }
  };

  it('writes the file, shows progress and a summary on stderr, and lists it', async () => {
    seed(30);
    const out = join(dataDir(), 'out', 'rankings.csv');
    mkdirSync(join(dataDir(), 'out'));
    const result = await cli(
      'export',
      'rankings',
      '--format',
      'csv',
      '--chart',
      'bench-chart',
      '--bom',
      '--out',
      out,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\[#{10}\] 600\/600 rows/);
    expect(result.stderr).toContain(`Exported 600 rows of rankings (`);
    expect(result.stderr).toContain(`to ${out} in `);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const records = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(records).toHaveLength(601);
    expect(records[1]!.slice(0, 2)).toEqual(['bench-chart', 'Bench, "Top" Songs']);

    const again = await cli(
      'export',
      'rankings',
      '--format',
      'csv',
      '--chart',
      'bench-chart',
      '--since-last',
      '--out',
      out,
    );
    expect(again.stderr).toContain('Exported 0 rows of rankings');
    // Without --chart, every scheduled chart (the demo's own have no rankings yet); the default folder.
    const json = await cli('export', 'rankings', '--format', 'ndjson', '--json');
    const view = JSON.parse(json.stdout) as ExportView;
    expect(view).toMatchObject({ status: 'completed', rows: 600, actor: 'cli', format: 'ndjson' });
    expect(view.destination).toMatch(/exports[/\\]rankings-\d{8}-\d{6}\.ndjson$/);
    expect(typeof view.startedAt).toBe('string');

    const list = JSON.parse((await cli('exports', '--json')).stdout) as ExportPage;
    expect(list.items.map((e) => [e.dataset, e.format, e.rows])).toEqual([
      ['rankings', 'ndjson', 600],
      ['rankings', 'csv', 0],
      ['rankings', 'csv', 600],
    ]);
    const table = await cli('exports');
    expect(table.stdout.split('\n')[0]).toMatch(
      /^ *id +started +dataset +format +status +rows +size +by +file$/,
    );
    expect(table.stdout).toContain(out);
  });

  it('backs up the database to a file that opens and passes its integrity check', async () => {
    seed(5);
    const out = join(dataDir(), 'copy.sqlite');
    const result = await cli('export', 'backup', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Backed up the database \(\d+(\.\d)? [KM]B\) to .*copy\.sqlite/);
    const copy = new Database(out, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) FROM chart_ranking_entries').pluck().get()).toBe(100);
    } finally {
      copy.close();
    }
  });

  it('refuses bad input with one clear line and writes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['export', 'rankings'], /Choose a format: csv, tsv, xlsx, ndjson/],
      [['export', 'charts', '--format', 'csv'], /Unknown dataset "charts"/],
      [['export', 'rankings', '--format', 'pdf'], /Unknown format "pdf"/],
      [
        ['export', 'rankings', '--format', 'csv', '--out', join(dataDir(), 'no', 'x.csv')],
        /folder .* does not exist/,
      ],
      [['export', 'rankings', '--format', 'csv', '--chart', 'nope'], /No chart "nope"/],
      [['export', 'rankings', '--format', 'csv', '--from', '2026-13-01'], /calendar date/],
      [
        ['export', 'rankings', '--format', 'csv', '--out', join(dataDir(), DEMO_DATABASE_FILE_NAME)],
        /database/,
      ],
      [['export', 'backup', '--format', 'csv'], /takes no format/],
      [['exports', '--limit', 'x'], /--limit must be a whole number/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(join(dataDir(), 'exports'))).toBe(false);
  });
});

describe('Ctrl-C during chart-sync export', () => {
  const tempDir = useTempDir();

  it('cancels: no file under the name, no temporary file, exit code 130', async () => {
    const dir = tempDir();
    const database = openDatabase({ file: join(dir, DEMO_DATABASE_FILE_NAME) });
    seedRankings(database, 2_000, 200);
    database.close();
    const out = join(dir, 'big.csv');
    const run = spawnChartSync(['export', 'rankings', '--format', 'csv', '--out', out], freshMachineEnv(dir));
    let stderr = '';
    await new Promise<void>((resolve) => {
      run.child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        // The first progress line: the export is under way.
        if (/\] \d+\/400000 rows/.test(stderr)) resolve();
      });
    });
    run.child.kill('SIGINT');
    const result = await run.result;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`Cancelled: nothing was written to ${out}.`);
    expect(readdirSync(dir).filter((f) => f.includes('big'))).toEqual([]);
  });
});
