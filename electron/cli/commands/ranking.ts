import type { Command } from 'commander';
import type { RankingEntryView, RankingMovement, RankingView } from '../../../shared/views/ranking';
import { callContract } from '../contract-call';
import { formatCount, plural } from '../format/numbers';
import { formatTable } from '../format/table';
import { NONE } from '../format/time';
import { withEngine } from '../open-engine';
import { print, printJson } from '../output';
import { timeOnChartText } from '../../../shared/domain/time-on-chart';
import { searchText } from '../../../shared/schemas/free-text';
import { schemaArgument } from './argument-parsers';

type RankingOptions = { date?: string; search?: string; json?: boolean };

/** `chart-sync ranking <chart>`: the Ranking screen as a table, through the same call and validation. */
export function registerRankingCommand(program: Command): void {
  program
    .command('ranking')
    .description(
      "show a chart's stored ranking: position, movement, song, artists, ISRC, metric, time on chart, peak",
    )
    .argument('<chart>', 'the chart, by id or slug (as `chart-sync charts list` shows it)')
    .option('--date <date>', 'the ranking of this date (YYYY-MM-DD); the latest stored by default')
    .option(
      '--search <text>',
      'only the entries whose title, artists or ISRC contain this text',
      schemaArgument('--search', searchText),
    )
    .option('--json', 'print the ranking as JSON')
    .action(async (chart: string, options: RankingOptions, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        const view = await callContract(engine, 'rankings/get', {
          chart,
          ...(options.date === undefined ? {} : { date: options.date }),
        });
        const shown = { ...view, entries: searchEntries(view.entries, options.search) };
        if (options.json) printJson(shown);
        else print(formatRanking(shown, view.entries.length, options.search));
      });
    });
}

/**
 * The entries whose title, artists or ISRC contain the text, ignoring case and accents, as the Ranking
 * screen's search box: "beyonce" finds "Beyoncé".
 */
export function searchEntries(
  entries: readonly RankingEntryView[],
  search: string | undefined,
): RankingEntryView[] {
  const wanted = fold(search ?? '');
  if (wanted === '') return [...entries];
  return entries.filter((entry) =>
    [entry.song.name, entry.song.creditName, entry.song.isrc ?? ''].some((text) =>
      fold(text).includes(wanted),
    ),
  );
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

const MOVE: Record<RankingMovement, (change: number | null) => string> = {
  up: (change) => `▲${change}`,
  down: (change) => `▼${Math.abs(change ?? 0)}`,
  same: () => '=',
  new: () => 'new',
  're-entry': () => 're-entry',
};

function timeOnChart(entry: RankingEntryView): string {
  if (entry.timeOnChart === null) return NONE;
  return timeOnChartText(entry.timeOnChart, entry.timeOnChartUnit);
}

export function formatRanking(view: RankingView, total: number, search: string | undefined): string {
  const { chart } = view;
  const where = [chart.platform, chart.countryName || 'worldwide', chart.frequency].join(' · ');
  const completeness = view.complete
    ? `complete, ${plural(total, 'entry', 'entries')}`
    : `incomplete: ${formatCount(total)} of ${formatCount(view.reportedTotal)} entries stored`;
  const lines = [`${chart.name} (${chart.slug}) · ${where} — ${view.date} (${completeness})`];
  if (view.entries.length === 0) {
    lines.push(`No entry matches "${search?.trim() ?? ''}".`);
  } else {
    const metric = chart.metricDescription ?? chart.metricType ?? 'metric';
    lines.push(
      formatTable(view.entries, [
        { header: 'pos', value: (e) => String(e.position), align: 'right' },
        { header: 'move', value: (e) => MOVE[e.movement](e.change) },
        { header: 'title', value: (e) => e.song.name },
        { header: 'artists', value: (e) => e.song.creditName || NONE },
        { header: 'ISRC', value: (e) => e.song.isrc ?? NONE },
        {
          header: metric.toLowerCase(),
          value: (e) => (e.metric === null ? NONE : formatCount(e.metric)),
          align: 'right',
        },
        { header: 'on chart', value: timeOnChart, align: 'right' },
        { header: 'peak', value: (e) => String(e.peakPosition), align: 'right' },
      ]).trimEnd(),
    );
    if (view.entries.length < total) lines.push(`${view.entries.length} of ${total} entries match.`);
  }
  const around = [
    `previous ${view.previousDate ?? NONE}`,
    `next ${view.nextDate ?? NONE}`,
    `${plural(view.dates.length, 'stored date')} (${view.dates[0]} … ${view.dates.at(-1)})`,
  ].join(' · ');
  lines.push(around);
  const other = view.previousDate ?? view.nextDate;
  if (other) lines.push(`Another date: \`chart-sync ranking ${chart.slug} --date ${other}\`.`);
  return `${lines.join('\n')}\n`;
}
