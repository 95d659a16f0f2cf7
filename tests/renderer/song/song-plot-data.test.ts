import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../../renderer/src/screens/song/safe-url';
import {
  audiencePlot,
  dateToPlotX,
  formatPosition,
  positionPlot,
} from '../../../renderer/src/screens/song/song-plot-data';
import { chartRun, platformAudience } from '../support/sample-data-views';

const x = dateToPlotX;

describe('position plot', () => {
  it('puts every chart on the union of dates, running on over other charts’ dates and breaking on absences', () => {
    const daily = chartRun({
      chartId: 1,
      frequency: 'daily',
      points: [
        { date: '2026-11-01', position: 5 },
        { date: '2026-11-02', position: 3 },
        // absent on the 3rd and 4th: left the chart
        { date: '2026-11-05', position: 9 },
      ],
    });
    const weekly = chartRun({
      chartId: 2,
      name: 'Weekly',
      countryName: 'France',
      frequency: 'weekly',
      points: [
        { date: '2026-10-29', position: 40 },
        { date: '2026-11-05', position: 20 },
      ],
    });
    const plot = positionPlot([daily, weekly]);
    expect(plot.x).toEqual(['2026-10-29', '2026-11-01', '2026-11-02', '2026-11-05'].map((d) => x(d)));
    // daily: 1st → 2nd consecutive; 2nd → 5th is an absence, so a gap (null) — no slot in between here.
    expect(plot.series[0]!.values).toEqual([null, 5, 3, 9]);
    // weekly: one week apart, so the line runs on over the daily chart's dates (undefined, not null).
    expect(plot.series[1]!.values).toEqual([40, undefined, undefined, 20]);
    expect(plot.series.map((s) => s.label)).toEqual([
      'Top Songs · spotify · Worldwide',
      'Weekly · spotify · France',
    ]);
  });

  it('breaks the line of a weekly chart across a missing week', () => {
    const weekly = chartRun({
      frequency: 'weekly',
      points: [
        { date: '2026-10-01', position: 1 },
        { date: '2026-10-22', position: 2 },
      ],
    });
    const other = chartRun({ chartId: 9, points: [{ date: '2026-10-10', position: 3 }] });
    expect(positionPlot([weekly, other]).series[0]!.values).toEqual([1, null, 2]);
  });

  it('dates sit at noon UTC, so every time zone draws them on their own day', () => {
    expect(x('2026-11-01')).toBe(Date.UTC(2026, 10, 1, 12) / 1000);
  });

  it('labels whole positions only', () => {
    expect([1, 2.5, 50].map(formatPosition)).toEqual(['#1', '', '#50']);
  });
});

describe('audience plot', () => {
  it('is one line of the cumulative totals', () => {
    const plot = audiencePlot(platformAudience());
    expect(plot.x).toEqual([x('2026-11-20'), x('2026-11-21')]);
    expect(plot.series).toEqual([{ label: 'Spotify streams', values: [1_000_000, 1_200_000] }]);
  });
});

describe('external links', () => {
  it.each([
    ['https://app.soundcharts.com/app/song/x', 'https://app.soundcharts.com/app/song/x'],
    ['http://example.com/', null],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['https://user:pw@example.com/', null],
    ['not a url', null],
    [null, null],
    ['', null],
  ])('%s → %s', (url, safe) => {
    expect(safeExternalUrl(url)).toBe(safe);
  });
});
