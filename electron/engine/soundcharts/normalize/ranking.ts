import { parseOffsetDatetime } from '../datetime';
import { InconsistentPagesError, MalformedResponseError } from '../errors';
import type { ApiRankingEntry, RankingResponse } from '../schemas/ranking';
import type { RankingEntry, RankingSnapshot } from '../types';
import { normalizeChart } from './chart';

export function normalizeRankingEntry(entry: ApiRankingEntry): RankingEntry {
  return {
    song: {
      uuid: entry.song.uuid,
      name: entry.song.name,
      creditName: entry.song.creditName ?? '',
      imageUrl: entry.song.imageUrl || null,
    },
    position: entry.position,
    oldPosition: entry.oldPosition,
    positionEvolution: entry.positionEvolution,
    metric: entry.metric ?? null,
    entryState: entry.entryState ?? '',
    entryDate: entry.entryDate ?? null,
    rankDate: entry.rankDate,
    timeOnChart: entry.timeOnChart,
    timeOnChartUnit: entry.timeOnChartUnit,
  };
}

/**
 * Merges the pages of one ranking. They must all describe the same chart and date and, together, hold exactly
 * `page.total` distinct positions: a snapshot with a hole would be stored as if the chart were shorter.
 */
export function mergeRankingPages(pages: readonly RankingResponse[], path: string): RankingSnapshot {
  const first = pages[0];
  if (!first) throw new MalformedResponseError('ranking has no page', { path });
  const { date } = first.related;
  const total = first.page.total;
  const entries: RankingEntry[] = [];
  for (const page of pages) {
    if (page.related.date !== date || page.related.chart.slug !== first.related.chart.slug) {
      throw new InconsistentPagesError(
        `ranking pages disagree: ${first.related.chart.slug} at ${date} vs ${page.related.chart.slug} at ${page.related.date}`,
        { path, fieldPath: 'related.date' },
      );
    }
    if (page.page.total !== total) {
      throw new InconsistentPagesError(
        `ranking pages disagree on page.total: ${total} vs ${page.page.total}`,
        {
          path,
          fieldPath: 'page.total',
        },
      );
    }
    for (const item of page.items) entries.push(normalizeRankingEntry(item));
  }
  if (entries.length !== total) {
    throw new InconsistentPagesError(`ranking has ${entries.length} entries but page.total is ${total}`, {
      path,
      fieldPath: 'page.total',
    });
  }
  entries.sort((a, b) => a.position - b.position);
  const positions = new Set(entries.map((entry) => entry.position));
  if (positions.size !== entries.length) {
    throw new InconsistentPagesError('ranking repeats a position across its pages', {
      path,
      fieldPath: 'items',
    });
  }
  return {
    ...parseOffsetDatetime(date),
    chart: normalizeChart(first.related.chart),
    total,
    entries,
    pages: pages.length,
  };
}
