import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../electron/cli/format/text-width';
import { openDatabase } from '../../electron/engine/db/open-database';
import { DEMO_DATABASE_FILE_NAME } from '../../electron/engine/host';
import type { RankingView } from '../../shared/views/ranking';
import type { SongDetail, SongPage } from '../../shared/views/song';
import { SEED_DAILY, SEED_SONGS, seedRankings } from '../engine/rankings/seed-rankings';
import { useCli } from './run-cli';

const { cafe, yoru, hello } = SEED_SONGS;

describe('chart-sync ranking, song and songs', () => {
  const { cli, dataDir } = useCli();

  /** The demo database (made by a first command), with the seed's charts and rankings added. */
  async function seeded(): Promise<void> {
    expect((await cli('songs')).stdout).toBe('No songs match.\n');
    const database = openDatabase({ file: join(dataDir(), DEMO_DATABASE_FILE_NAME) });
    try {
      seedRankings(database);
    } finally {
      database.close();
    }
  }

  it('prints a ranking as a table: position, movement, title, artists, ISRC, metric, time on chart, peak', async () => {
    await seeded();
    const { code, stdout, stderr } = await cli('ranking', SEED_DAILY);
    expect(code).toBe(0);
    expect(stderr).toContain('Demo mode');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      'Seed Top, "Daily" (seed-daily) · spotify · France · daily — 2026-11-05 (complete, 3 entries)',
    );
    expect(lines[1]).toMatch(/^pos\s+move\s+title\s+artists\s+ISRC\s+streams\s+on chart\s+peak$/);
    expect(lines[3]).toMatch(
      /^ {2}1\s+=\s+Café del Mar, "Live"\s+Beyoncé & Zoë\s+FRZ032600001\s+1,000,000\s+10 days\s+1$/,
    );
    expect(lines[4]).toMatch(
      /^ {2}2\s+re-entry\s+夜に駆ける\s+YOASOBI\s+JPU902600002\s+999,000\s+11 days\s+1$/,
    );
    expect(lines[5]).toMatch(/^ {2}3\s+▼1\s+Hello, "World"\s+Ünïcode, Artist\s+—/);
    expect(stdout).toContain('previous 2026-11-04 · next — · 4 stored dates (2026-11-01 … 2026-11-05)');
    expect(stdout).toContain('`chart-sync ranking seed-daily --date 2026-11-04`');
    // CJK is two columns wide: the columns after it still line up on a terminal.
    const column = (line: string, text: string) => textWidth(line.slice(0, line.indexOf(text)));
    expect(column(lines[4]!, 'YOASOBI')).toBe(column(lines[3]!, 'Beyoncé'));
  });

  it('reads another date, searches within (accents ignored) and prints JSON', async () => {
    await seeded();
    const dated = await cli('ranking', SEED_DAILY, '--date', '2026-11-04');
    expect(dated.stdout).toMatch(/^ {2}1\s+▲1\s+Café/m);
    expect(dated.stdout).toMatch(/^ {2}3\s+new\s+Newcomer/m);
    const searched = await cli('ranking', SEED_DAILY, '--search', 'beyonce');
    expect(searched.stdout).toContain('1 of 3 entries match.');
    expect(searched.stdout).not.toContain('夜に駆ける');
    const json = await cli('ranking', SEED_DAILY, '--date', '2026-11-01', '--search', 'yoasobi', '--json');
    const view = JSON.parse(json.stdout) as RankingView;
    expect(view.date).toBe('2026-11-01');
    expect(view.entries.map((e) => [e.song.uuid, e.movement, e.change])).toEqual([[yoru.uuid, 'up', 3]]);
    expect(typeof view.fetchedAt).toBe('string');
  });

  it.each([
    [
      ['ranking', 'nope'],
      'No chart has the id or slug "nope". Charts are listed with their slugs by `chart-sync charts list`.',
    ],
    [
      ['ranking', SEED_DAILY, '--date', '2026-11-03'],
      'No ranking of "Seed Top, "Daily"" (seed-daily) is stored for 2026-11-03; the nearest stored dates are 2026-11-02 and 2026-11-04.',
    ],
    [
      ['ranking', SEED_DAILY, '--date', 'yesterday'],
      'The ranking date must be a calendar date written YYYY-MM-DD.',
    ],
    [
      ['ranking', 'global-28'],
      'No ranking of "Top Songs" (global-28) is stored yet: sync the chart first (Sync now, or `chart-sync sync global-28`).',
    ],
    [['song', 'nope'], 'No song has the uuid or ISRC "nope" in the local database'],
    [
      ['songs', '--sort', 'newest'],
      'Unknown sort "newest"; the sorts are last_seen, best_peak, charts, title.',
    ],
    [['songs', '--limit', 'ten'], '--limit must be a whole number, not "ten".'],
    [['songs', '--limit', '0'], 'limit: A page holds 1 to 1000 songs.'],
    [['songs', '--offset', '-1'], '--offset must be a whole number, not "-1".'],
  ])('refuses %j with a clear line', async (args, message) => {
    await seeded();
    const { code, stdout, stderr } = await cli(...args);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('lists songs, searched, sorted and paged, as a table or JSON', async () => {
    await seeded();
    const { stdout } = await cli('songs', '--sort', 'title', '--limit', '2');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^title\s+artists\s+ISRC\s+peak\s+charts\s+last seen\s+uuid$/);
    expect(lines[2]).toMatch(
      /^Café del Mar, "Live"\s+Beyoncé & Zoë\s+FRZ032600001\s+1\s+2\s+2026-11-05\s+11111111/,
    );
    expect(lines[3]).toMatch(/^Hello, "World"\s+Ünïcode, Artist\s+—\s+2\s+2\s+2026-11-05/);
    expect(stdout).toContain('1–2 of 5 songs. Next page: --offset 2.');
    const json = JSON.parse((await cli('songs', '--search', '夜', '--json')).stdout) as SongPage;
    expect(json).toMatchObject({ total: 1, limit: 100, offset: 0 });
    expect(json.items[0]).toMatchObject({ uuid: yoru.uuid, bestPeak: 1, chartsCount: 2 });
  });

  it('shows a song by uuid or ISRC with its charts; JSON too', async () => {
    await seeded();
    const { code, stdout } = await cli('song', hello.uuid);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Hello, "World" — Ünïcode, Artist');
    expect(stdout).toContain('best peak:    #2 on seed-daily (2026-11-04)');
    expect(stdout).toMatch(
      /^seed-daily\s+Seed Top, "Daily"\s+spotify\s+2\s+2026-11-04\s+2026-11-01\s+2026-11-05 \(#3\)\s+3$/m,
    );
    const json = JSON.parse((await cli('song', 'frz032600001', '--json')).stdout) as SongDetail;
    expect(json.song.uuid).toBe(cafe.uuid);
    expect(json.charts.map((c) => c.slug)).toEqual([SEED_DAILY, 'seed-weekly']);
    expect(json).not.toHaveProperty('audience');
  });

  it("fetches a synced song's audience with --audience, and again with --refresh", async () => {
    expect((await cli('sync', 'global-28')).code).toBe(0);
    const [first] = (JSON.parse((await cli('songs', '--limit', '1', '--json')).stdout) as SongPage).items;
    const shown = await cli('song', first!.uuid, '--audience');
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('Fetching the audience on spotify, youtube');
    expect(shown.stdout).toMatch(/^Audience:$/m);
    expect(shown.stdout).toMatch(
      /^spotify\s+[\d,]+\s+\d{4}-\d{2}-\d{2}\s+[\d,]+\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+fresh$/m,
    );
    // Fresh now: nothing to fetch, unless asked.
    expect((await cli('song', first!.uuid, '--audience')).stderr).not.toContain('Fetching');
    const refreshed = await cli('song', first!.uuid, '--refresh', '--json');
    expect(refreshed.stderr).toContain('Fetching the audience on spotify');
    const json = JSON.parse(refreshed.stdout) as SongDetail & { audience: { refreshing: string[] } };
    expect(json.audience.refreshing).toEqual([]);
    expect(json.song.uuid).toBe(first!.uuid);
  });
});
