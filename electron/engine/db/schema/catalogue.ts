import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';

// Calendar dates are 'YYYY-MM-DD'; Soundcharts datetimes are kept verbatim, offset included.

export const charts = sqliteTable(
  'charts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Slugs are opaque identifiers of Soundcharts ('global-28'): never parsed.
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull().default('song'),
    platform: text('platform').notNull(),
    // The API's own value, kept as given: unknown frequencies fall back to weekly when a schedule is made.
    frequency: text('frequency').notNull(),
    // '' means worldwide, as in the API.
    countryCode: text('country_code').notNull().default(''),
    countryName: text('country_name').notNull().default(''),
    cityName: text('city_name').notNull().default(''),
    maxResultsCount: integer('max_results_count'),
    webUrl: text('web_url'),
    metricType: text('metric_type'),
    metricDescription: text('metric_description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('charts_slug_unique').on(t.slug),
    index('charts_platform_country_idx').on(t.platform, t.countryCode),
  ],
);

export const songs = sqliteTable(
  'songs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uuid: text('uuid').notNull(),
    name: text('name').notNull(),
    creditName: text('credit_name').notNull().default(''),
    imageUrl: text('image_url'),
    isrc: text('isrc'),
    isrcCountryCode: text('isrc_country_code'),
    releaseDate: text('release_date'),
    durationSeconds: integer('duration_seconds'),
    explicit: integer('explicit', { mode: 'boolean' }),
    languageCode: text('language_code'),
    copyright: text('copyright'),
    distributor: text('distributor'),
    appUrl: text('app_url'),
    // Lists (artists, genres, labels, composers, producers) as JSON: read whole, never queried by element.
    artistsJson: text('artists_json'),
    genresJson: text('genres_json'),
    labelsJson: text('labels_json'),
    composersJson: text('composers_json'),
    producersJson: text('producers_json'),
    metadataFetchedAt: integer('metadata_fetched_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('songs_uuid_unique').on(t.uuid),
    index('songs_metadata_fetched_at_idx').on(t.metadataFetchedAt),
    // `chart-sync song <isrc>` and the songs search find a song by its ISRC.
    index('songs_isrc_idx').on(t.isrc),
  ],
);

/** One snapshot of a chart: the chart at one exact ranking datetime. */
export const chartRankings = sqliteTable(
  'chart_rankings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chartId: integer('chart_id')
      .notNull()
      .references(() => charts.id, { onDelete: 'cascade' }),
    // Exactly as Soundcharts returned it ('2025-08-23T12:00:00+00:00'): the key the API accepts back.
    rankingDatetime: text('ranking_datetime').notNull(),
    // The calendar date in the datetime's own offset, for gap detection by period.
    rankingDate: text('ranking_date').notNull(),
    rankingInstant: integer('ranking_instant').notNull(),
    entryCount: integer('entry_count').notNull(),
    // page.total reported by the API: a snapshot is complete when entry_count equals it.
    reportedTotal: integer('reported_total').notNull(),
    fetchedAt: integer('fetched_at').notNull(),
    // The time-on-chart unit of most of its entries ('DOC'): an entry stores its unit only when it differs.
    timeOnChartUnit: text('time_on_chart_unit'),
    // When its entries were last written, in the order of the `sequences` row 'ranking_entries': what an
    // export's "since last" compares (entries have no ids of their own).
    storedSeq: integer('stored_seq').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('chart_rankings_chart_datetime_unique').on(t.chartId, t.rankingDatetime),
    index('chart_rankings_chart_date_idx').on(t.chartId, t.rankingDate),
    index('chart_rankings_stored_seq_idx').on(t.storedSeq),
  ],
);

/**
 * One entry of a ranking, stored compactly (≈ 25 bytes; the table is WITHOUT ROWID, keyed by ranking and
 * position, which migration 0004 writes by hand: drizzle-kit cannot say it). What can be rebuilt exactly from
 * the ranking is not repeated: see electron/engine/db/ranking-entries.ts for the encoding and the one decoder.
 */
export const chartRankingEntries = sqliteTable(
  'chart_ranking_entries',
  {
    rankingId: integer('ranking_id')
      .notNull()
      .references(() => chartRankings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    songId: integer('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'restrict' }),
    // 0 means no previous position (a new entry), as in the API.
    oldPosition: integer('old_position').notNull(),
    metric: real('metric'),
    timeOnChart: integer('time_on_chart'),
    // The entry date as whole days before the ranking's datetime, minus time_on_chart (a small number);
    // NULL when the API gave none or gave one that cannot be rebuilt that way (then it is in `extra`).
    entryDays: integer('entry_days'),
    // JSON of the fields that differ from what the ranking implies (NULL nearly always): entryDate, rankDate,
    // entryState, timeOnChartUnit, positionEvolution, verbatim.
    extra: text('extra'),
  },
  (t) => [
    primaryKey({ columns: [t.rankingId, t.position] }),
    index('chart_ranking_entries_song_idx').on(t.songId),
  ],
);

/** Monotonic counters that must never go back, even when the rows that used them are deleted. */
export const sequences = sqliteTable('sequences', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

/** Cumulative audience totals of a song on one platform, one row per day. */
export const songAudience = sqliteTable(
  'song_audience',
  {
    songId: integer('song_id')
      .notNull()
      .references(() => songs.id, { onDelete: 'cascade' }),
    platform: text('platform').notNull(),
    date: text('date').notNull(),
    value: real('value').notNull(),
    identifier: text('identifier'),
    fetchedAt: integer('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.songId, t.platform, t.date] })],
);
