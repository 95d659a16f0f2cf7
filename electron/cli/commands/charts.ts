import type { Command } from 'commander';
import type { Health } from '../../../shared/domain/health';
import { healthText } from '../../../shared/domain/health-labels';
import { chartSearchText, matchesTerms, searchTerms } from '../../../shared/domain/text-search';
import type { ChartSyncStatus } from '../../../shared/domain/schedule-status';
import { CHART_LIST_LIMIT_MAX } from '../../../shared/domain/policies';
import { filterText, searchText } from '../../../shared/schemas/free-text';
import { chartFrequencyFilter, chartStatusFilter } from '../../../shared/schemas/list-filters';
import { toChartSummary, type ChartRow } from '../../engine/db/queries/charts';
import { findCharts, type ChartFilter } from '../chart-lookup';
import { formatCount, plural } from '../format/numbers';
import { formatTable } from '../format/table';
import { withEngine } from '../open-engine';
import { note, print, printJson } from '../output';
import { schemaArgument, wholeNumberArgument } from './argument-parsers';

/** Enough rows to find a slug without scrolling a whole catalogue past; --limit raises it. */
export const DEFAULT_CHART_LIST_LIMIT = 50;

type ListOptions = {
  platform?: string;
  country?: string;
  frequency?: string;
  status?: Health | 'not_scheduled';
  search?: string;
  limit: number;
  json?: boolean;
};

/** `chart-sync charts …`: the local catalogue, imported from Soundcharts. */
export function registerChartsCommand(program: Command): void {
  const charts = program.command('charts').description('the chart catalogue (import it, find slugs)');

  charts
    .command('discover')
    .description('import the song chart catalogue of every platform from Soundcharts')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        note('Importing the chart catalogue from Soundcharts…');
        const summary = await engine.discoverCharts((platform, count) =>
          note(`  ${platform}: ${plural(count, 'chart')}`),
        );
        if (options.json) printJson(summary);
        else
          print(
            `Imported ${plural(summary.charts, 'chart')} from ${plural(summary.platforms, 'platform')}: ${formatCount(summary.created)} new, ${formatCount(summary.updated)} updated.`,
          );
      });
    });

  charts
    .command('list')
    .description('list charts of the local catalogue, with their sync status (to find slugs)')
    .option(
      '--platform <platform>',
      'only this platform, e.g. spotify',
      schemaArgument('--platform', filterText('A platform')),
    )
    .option(
      '--country <code>',
      'only this country code, e.g. US (worldwide: WW)',
      schemaArgument('--country', filterText('A country code')),
    )
    .option(
      '--frequency <frequency>',
      'only charts published daily, weekly or monthly',
      schemaArgument('--frequency', chartFrequencyFilter),
    )
    .option(
      '--status <status>',
      'only charts whose schedule has this health (e.g. failing, never_synced), or not_scheduled',
      schemaArgument('--status', chartStatusFilter),
    )
    .option(
      '--search <text>',
      'words found in the name, slug, country or platform (accents and case ignored)',
      schemaArgument('--search', searchText),
    )
    .option(
      '--limit <n>',
      'show at most this many',
      wholeNumberArgument(1, CHART_LIST_LIMIT_MAX),
      DEFAULT_CHART_LIST_LIMIT,
    )
    .option('--json', 'print the charts as JSON')
    .action(async (options: ListOptions, command: Command) => {
      await withEngine(command, async ({ engine }) => {
        const filter: ChartFilter = {};
        if (options.platform !== undefined) filter.platform = options.platform;
        if (options.country !== undefined) filter.country = options.country;
        if (options.frequency !== undefined) filter.frequency = options.frequency;
        const scheduleOf = new Map(engine.schedules.list().map((s) => [s.chart.id, s]));
        const syncOf = (chart: ChartRow): ChartSync => {
          const schedule = scheduleOf.get(chart.id);
          return {
            syncStatus: schedule?.status ?? 'not_scheduled',
            health: schedule?.health ?? null,
            healthReason: schedule?.healthReason ?? null,
          };
        };
        const keep = screenFilter(options, syncOf);
        const { rows, total } =
          keep === null
            ? findCharts(engine.database, { ...filter, limit: options.limit })
            : firstKept(findCharts(engine.database, filter).rows, keep, options.limit);
        const cut =
          total > rows.length
            ? `Showing ${rows.length} of ${total} charts; narrow with --platform, --country, --frequency, --status or --search, or raise --limit.`
            : null;
        if (options.json) {
          printJson(rows.map((chart) => ({ ...toChartSummary(chart), ...syncOf(chart) })));
          if (cut) note(cut);
          return;
        }
        if (rows.length === 0) {
          print(
            total === 0 && Object.keys(filter).length === 0 && keep === null
              ? 'The local catalogue is empty. Import it with `chart-sync charts discover`.'
              : 'No chart matches. Try fewer filters, or `chart-sync charts discover` to refresh the catalogue.',
          );
          return;
        }
        print(formatChartTable(rows, syncOf));
        if (cut) print(cut);
      });
    });
}

/**
 * The Charts screen's search (every word, accents and case ignored) and status filter (the schedule's health,
 * which the engine derives, not a column), or null when neither is asked for: every match of the SQL filters is
 * then read, these applied, and the limit last, so "Showing N of M" counts what they kept.
 */
function screenFilter(
  options: ListOptions,
  syncOf: (chart: ChartRow) => ChartSync,
): ((chart: ChartRow) => boolean) | null {
  const terms = searchTerms(options.search ?? '');
  const wanted = options.status;
  if (terms.length === 0 && wanted === undefined) return null;
  return (chart) =>
    (wanted === undefined || (syncOf(chart).health ?? 'not_scheduled') === wanted) &&
    matchesTerms(chartSearchText(chart), terms);
}

function firstKept(
  rows: readonly ChartRow[],
  keep: (chart: ChartRow) => boolean,
  limit: number,
): { rows: ChartRow[]; total: number } {
  const kept = rows.filter(keep);
  return { rows: kept.slice(0, limit), total: kept.length };
}

/** The original's sync status and the schedule's health (null: not scheduled). */
type ChartSync = { syncStatus: ChartSyncStatus; health: Health | null; healthReason: string | null };

function formatChartTable(rows: readonly ChartRow[], syncOf: (chart: ChartRow) => ChartSync): string {
  return formatTable(rows, [
    { header: 'id', align: 'right', value: (c) => String(c.id) },
    { header: 'slug', value: (c) => c.slug },
    { header: 'name', value: (c) => c.name },
    { header: 'platform', value: (c) => c.platform },
    { header: 'frequency', value: (c) => c.frequency },
    { header: 'country', value: (c) => (c.countryCode ? `${c.countryCode} ${c.countryName}` : 'Worldwide') },
    { header: 'sync', value: (c) => healthText(syncOf(c).health) },
  ]);
}
