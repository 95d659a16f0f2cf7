import type { Command } from 'commander';
import type { SongDetail, SongListItem, SongPage } from '../../../shared/views/song';
import type { SongAudienceView } from '../../../shared/views/song-audience';
import type { Engine } from '../../engine/engine';
import { callContract, wholeNumberOption } from '../contract-call';
import { formatCount, plural } from '../format/numbers';
import { formatTable } from '../format/table';
import { formatInstant, NONE } from '../format/time';
import { withEngine } from '../open-engine';
import { note, print, printJson } from '../output';

type SongOptions = { json?: boolean; audience?: boolean; refresh?: boolean };
type SongsOptions = { search?: string; sort?: string; limit?: string; offset?: string; json?: boolean };

/** `chart-sync song` and `chart-sync songs`: the Song and Songs screens, through the same calls and validation. */
export function registerSongCommands(program: Command): void {
  program
    .command('song')
    .description('show a song: metadata, every chart it is on with its peak, and (--audience) its audience')
    .argument('<song>', "the song's uuid or ISRC")
    .option('--audience', 'also its audience per platform (stale platforms are fetched first)')
    .option('--refresh', 'fetch its audience again now, even when fresh (implies --audience)')
    .option('--json', 'print the song as JSON ({song, bestPeak, charts} and, with --audience, audience)')
    .action(async (reference: string, options: SongOptions, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        const detail = await callContract(engine, 'songs/get', { song: reference });
        const audience =
          options.audience || options.refresh
            ? await readAudience(engine, detail.song.uuid, options.refresh ?? false)
            : null;
        if (options.json) printJson(audience ? { ...detail, audience } : detail);
        else print(formatSong(detail, audience));
      });
    });

  program
    .command('songs')
    .description('list the stored songs: best peak, charts, last seen; search by title, artists or ISRC')
    .option('--search <text>', 'only songs whose title, artists or ISRC contain this text')
    .option('--sort <sort>', 'last_seen (default), best_peak, charts or title')
    .option('--limit <n>', 'at most this many (default 100, at most 1,000)')
    .option('--offset <n>', 'skip this many first (the next page)')
    .option('--json', 'print the page as JSON ({items, total, limit, offset})')
    .action(async (options: SongsOptions, command: Command) => {
      const input = {
        ...(options.search === undefined ? {} : { search: options.search }),
        ...(options.sort === undefined ? {} : { sort: options.sort as never }),
        ...(options.limit === undefined ? {} : { limit: wholeNumberOption('--limit', options.limit) }),
        ...(options.offset === undefined ? {} : { offset: wholeNumberOption('--offset', options.offset) }),
      };
      await withEngine(command, async ({ engine }) => {
        const page = await callContract(engine, 'songs/list', input);
        if (options.json) printJson(page);
        else print(formatSongs(page));
      });
    });
}

/**
 * The audience, after fetching what the read queued when this process may run the queue (it holds the sync
 * role); when the app or `serve` runs, that one fetches it and the answer says which platforms are refreshing.
 */
async function readAudience(engine: Engine, uuid: string, refresh: boolean): Promise<SongAudienceView> {
  const first = await callContract(engine, 'songs/audience', { song: uuid, refresh });
  if (first.refreshing.length === 0) return first;
  const elsewhere = engine.syncingElsewhere();
  if (elsewhere) {
    note(
      `The Chart Sync that holds the sync role fetches the audience (${first.refreshing.join(', ')}); run this again to see it.`,
    );
    return first;
  }
  note(`Fetching the audience on ${first.refreshing.join(', ')}…`);
  engine.enrichment.start();
  await engine.enrichment.idle();
  return callContract(engine, 'songs/audience', { song: uuid });
}

export function formatSong(detail: SongDetail, audience: SongAudienceView | null): string {
  const { song } = detail;
  const field = (name: string, value: string | null | undefined) =>
    `${`${name}:`.padEnd(14)}${value === null || value === undefined || value === '' ? NONE : value}`;
  const lines = [
    `${song.name} — ${song.creditName || NONE}`,
    field('uuid', song.uuid),
    field('ISRC', song.isrc),
    field('released', song.releaseDate?.slice(0, 10)),
    field('artists', song.artists.map((a) => a.name).join(', ')),
    field('labels', song.labels.map((l) => l.name).join(', ')),
    field('genres', song.genres.map((g) => [g.root, ...g.sub].join(' / ')).join(', ')),
    field('link', song.appUrl),
    field(
      'metadata',
      song.metadataFetchedAt === null
        ? `never fetched${song.metadataQueued ? ' (queued)' : ''}`
        : `fetched ${formatInstant(song.metadataFetchedAt)}${song.metadataStale ? ' (stale)' : ''}${song.metadataQueued ? ' (queued)' : ''}`,
    ),
    field(
      'best peak',
      detail.bestPeak
        ? `#${detail.bestPeak.position} on ${detail.bestPeak.slug} (${detail.bestPeak.date})`
        : null,
    ),
    '',
  ];
  if (detail.charts.length === 0) lines.push('In no stored ranking.');
  else
    lines.push(
      formatTable(detail.charts, [
        { header: 'chart', value: (c) => c.slug },
        { header: 'name', value: (c) => c.name },
        { header: 'platform', value: (c) => c.platform },
        { header: 'peak', value: (c) => String(c.peakPosition), align: 'right' },
        { header: 'peak date', value: (c) => c.peakDate },
        { header: 'first', value: (c) => c.firstDate },
        { header: 'last', value: (c) => `${c.lastDate} (#${c.lastPosition})` },
        { header: 'rankings', value: (c) => formatCount(c.appearances), align: 'right' },
      ]).trimEnd(),
    );
  if (audience) {
    lines.push('', 'Audience:');
    lines.push(
      formatTable(audience.platforms, [
        { header: 'platform', value: (p) => p.platform },
        {
          header: 'latest',
          value: (p) => (p.points.at(-1) ? formatCount(p.points.at(-1)!.value) : NONE),
          align: 'right',
        },
        { header: 'on', value: (p) => p.points.at(-1)?.date ?? NONE },
        { header: 'days', value: (p) => formatCount(p.points.length), align: 'right' },
        { header: 'fetched', value: (p) => (p.fetchedAt === null ? NONE : formatInstant(p.fetchedAt)) },
        {
          header: 'state',
          value: (p) =>
            audience.refreshing.includes(p.platform)
              ? 'refreshing'
              : p.lastError
                ? `failed: ${p.lastError}`
                : p.stale
                  ? 'stale'
                  : 'fresh',
        },
      ]).trimEnd(),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function formatSongs(page: SongPage): string {
  if (page.total === 0) return 'No songs match.';
  if (page.items.length === 0)
    return `No songs on this page: ${plural(page.total, 'song')} in all (offset ${page.offset}).`;
  const table = formatTable<SongListItem>(page.items, [
    { header: 'title', value: (s) => s.name },
    { header: 'artists', value: (s) => s.creditName || NONE },
    { header: 'ISRC', value: (s) => s.isrc ?? NONE },
    { header: 'peak', value: (s) => (s.bestPeak === null ? NONE : String(s.bestPeak)), align: 'right' },
    { header: 'charts', value: (s) => String(s.chartsCount), align: 'right' },
    { header: 'last seen', value: (s) => s.lastSeen ?? NONE },
    { header: 'uuid', value: (s) => s.uuid },
  ]);
  const from = page.offset + 1;
  const to = page.offset + page.items.length;
  const more = to < page.total ? ` Next page: --offset ${to}.` : '';
  return `${table}${formatCount(from)}–${formatCount(to)} of ${plural(page.total, 'song')}.${more}\n`;
}
