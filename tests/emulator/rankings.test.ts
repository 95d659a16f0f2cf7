import { describe, expect, it } from 'vitest';
import { Catalogue, PLATFORMS, SANDBOX_CHART, type EmulatedChart } from '../../electron/emulator/catalogue';
import { dayOf, formatDay } from '../../electron/emulator/dates';
import { HISTORY_DAYS, Rankings, type Snapshot } from '../../electron/emulator/rankings';
import { SongCatalogue } from '../../electron/emulator/songs';
import type { RankingSnapshot } from '../../electron/engine/soundcharts';
import { TEST_SEED, TEST_TODAY, clientFor, useEmulator } from '../support/emulator';

const TODAY = dayOf(TEST_TODAY);

function world(seed = TEST_SEED) {
  const catalogue = new Catalogue(seed);
  const songs = new SongCatalogue(seed);
  return { catalogue, songs, rankings: new Rankings(seed, songs) };
}

/** Every rule that ties a ranking to the one before it. */
function checkConsecutive(previous: Snapshot, current: Snapshot): void {
  const before = new Map<number, number>();
  previous.songs.forEach((song, index) => before.set(song, index));
  current.songs.forEach((song, index) => {
    const was = before.get(song);
    if (was === undefined) {
      expect(current.oldPositions[index]).toBe(0);
    } else {
      expect(current.oldPositions[index]).toBe(was + 1);
      expect(current.timeOnChart[index]).toBe((previous.timeOnChart[was] ?? 0) + 1);
      expect(current.entryDays[index]).toBe(previous.entryDays[was]);
    }
    expect(current.entryDays[index]).toBeLessThanOrEqual(current.day);
  });
  expect(new Set(current.songs).size).toBe(current.songs.length);
}

describe('emulated catalogue', () => {
  it('has the 21 platforms, daily/weekly/monthly charts, worldwide and per country, of 50–200 entries', () => {
    const { catalogue } = world();
    expect(PLATFORMS).toHaveLength(21);
    const charts = catalogue.charts();
    for (const platform of PLATFORMS) {
      const own = charts.filter((chart) => chart.platform === platform.code);
      expect(new Set(own.map((chart) => chart.frequency)), platform.code).toEqual(
        new Set(['daily', 'weekly', 'monthly']),
      );
      expect(own.some((chart) => chart.countryCode === '' && chart.countryName === 'Worldwide')).toBe(true);
      expect(own.some((chart) => chart.countryCode !== '')).toBe(true);
    }
    for (const chart of charts) {
      expect(chart.maxResultsCount).toBeGreaterThanOrEqual(50);
      expect(chart.maxResultsCount).toBeLessThanOrEqual(200);
    }
    expect(new Set(charts.map((chart) => chart.slug)).size).toBe(charts.length);
  });

  it('has the sandbox chart global-28 whatever the seed', () => {
    for (const seed of [1, 2, TEST_SEED])
      expect(new Catalogue(seed).chart('global-28')).toEqual(SANDBOX_CHART);
    expect(SANDBOX_CHART).toMatchObject({
      platform: 'spotify',
      frequency: 'daily',
      countryCode: '',
      maxResultsCount: 200,
    });
  });

  it('is deterministic from the seed', () => {
    const slugs = (seed: number) =>
      new Catalogue(seed).charts().map((chart) => `${chart.slug}/${chart.maxResultsCount}`);
    expect(slugs(7)).toEqual(slugs(7));
    expect(slugs(7)).not.toEqual(slugs(8));
  });
});

describe('emulated rankings', () => {
  it('offers two years of daily rankings up to today', () => {
    const { catalogue, rankings } = world();
    const history = rankings.of(catalogue.chart('global-28')!);
    const steps = history.availableSteps(TODAY);
    expect(steps).toHaveLength(HISTORY_DAYS);
    expect(formatDay(history.dayOfStep(steps[0]!))).toBe(TEST_TODAY);
    expect(formatDay(history.dayOfStep(steps.at(-1)!))).toBe('2023-08-25');
  });

  it('weekly charts move once a week (WOC), monthly charts once a month', () => {
    const { catalogue, rankings } = world();
    const weekly = rankings.of(catalogue.charts().find((chart) => chart.frequency === 'weekly')!);
    const weeks = weekly.availableSteps(TODAY);
    expect(weeks.length).toBeGreaterThanOrEqual(104);
    expect(weekly.dayOfStep(weeks[0]!) - weekly.dayOfStep(weeks[1]!)).toBe(7);
    expect(weekly.snapshot(weeks[0]!).unit).toBe('WOC');
    const monthly = rankings.of(catalogue.charts().find((chart) => chart.frequency === 'monthly')!);
    const months = monthly.availableSteps(TODAY);
    expect(months.length).toBe(24);
    expect(formatDay(monthly.dayOfStep(months[0]!))).toBe('2025-08-01');
  });

  it.each(['daily', 'weekly', 'monthly'] as const)(
    'consecutive %s rankings agree (oldPosition, timeOnChart, entryDate follow from the previous one)',
    (frequency) => {
      const { catalogue, rankings } = world();
      const chart = catalogue
        .charts()
        .find((candidate) => candidate.frequency === frequency) as EmulatedChart;
      const history = rankings.of(chart);
      const steps = history
        .availableSteps(TODAY)
        .slice(0, frequency === 'daily' ? 120 : 24)
        .reverse();
      for (let i = 1; i < steps.length; i += 1) {
        checkConsecutive(history.snapshot(steps[i - 1]!), history.snapshot(steps[i]!));
      }
    },
  );

  it('songs enter, climb, fall and leave', () => {
    const { catalogue, rankings } = world();
    const history = rankings.of(catalogue.chart('global-28')!);
    const steps = history.availableSteps(TODAY).slice(0, 30);
    let entered = 0;
    let climbed = 0;
    let fell = 0;
    let left = 0;
    for (let i = 0; i + 1 < steps.length; i += 1) {
      const current = history.snapshot(steps[i]!);
      const previous = history.snapshot(steps[i + 1]!);
      const now = new Set(current.songs);
      left += [...previous.songs].filter((song) => !now.has(song)).length;
      current.oldPositions.forEach((old, index) => {
        if (old === 0) entered += 1;
        else if (old > index + 1) climbed += 1;
        else if (old < index + 1) fell += 1;
      });
    }
    expect(entered).toBeGreaterThan(29);
    expect(left).toBe(entered);
    expect(climbed).toBeGreaterThan(100);
    expect(fell).toBeGreaterThan(100);
  });

  it('metrics decrease with position', () => {
    const { catalogue, rankings } = world();
    const snapshot = rankings.of(catalogue.chart('global-28')!).snapshot(1000);
    const metrics = [...(snapshot.metrics ?? [])];
    expect(metrics).toHaveLength(200);
    for (let i = 1; i < metrics.length; i += 1) expect(metrics[i]!).toBeLessThan(metrics[i - 1]!);
  });

  it('is the same in any order of access and for the same seed; different for another seed', () => {
    const a = world().rankings.of(SANDBOX_CHART);
    const b = world().rankings.of(SANDBOX_CHART);
    const late = a.snapshot(1200);
    b.snapshot(50);
    expect(b.snapshot(1200)).toEqual(late);
    expect(a.snapshot(400)).toEqual(b.snapshot(400));
    expect(
      world(TEST_SEED + 1)
        .rankings.of(SANDBOX_CHART)
        .snapshot(1200).songs,
    ).not.toEqual(late.songs);
  });
});

describe('rankings over HTTP, through the client', () => {
  const emulator = useEmulator();

  it('consecutive days fetched through the client agree entry by entry', async () => {
    const client = clientFor(emulator.current);
    const dates = (await client.availableRankings('global-28')).slice(-4);
    const snapshots: RankingSnapshot[] = [];
    for (const date of dates) snapshots.push(await client.rankingAt('global-28', date.datetime));
    for (let i = 1; i < snapshots.length; i += 1) {
      const previous = new Map(snapshots[i - 1]!.entries.map((entry) => [entry.song.uuid, entry]));
      for (const entry of snapshots[i]!.entries) {
        const before = previous.get(entry.song.uuid);
        expect(entry.rankDate).toBe(snapshots[i]!.datetime);
        if (!before) {
          expect(entry).toMatchObject({ oldPosition: 0, positionEvolution: 0 });
          continue;
        }
        expect(entry.oldPosition).toBe(before.position);
        expect(entry.positionEvolution).toBe(before.position - entry.position);
        expect(entry.timeOnChart).toBe(before.timeOnChart + 1);
        expect(entry.entryDate).toBe(before.entryDate);
      }
    }
  });
});
