// @vitest-environment jsdom
import '../support/dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlotProps } from '../../../renderer/src/components/plot/plot-types';
import { SongScreen } from '../../../renderer/src/screens/song/song-screen';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { CallInput } from '../../../shared/contract/calls';
import type { SongAudienceView } from '../../../shared/views/song-audience';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { platformAudience, songAudience, songDetail, songMetadata } from '../support/sample-data-views';
import { UI_NOW } from '../support/sample-views';

// uPlot draws on a canvas jsdom does not have: the plot's data is what these tests look at.
vi.mock('../../../renderer/src/components/plot/uplot-canvas', () => ({
  default: (props: PlotProps) => (
    <div data-testid="plot-data" data-x={JSON.stringify(props.x)} data-invert={String(!!props.invertY)}>
      {props.series.map((s) => (
        <span key={s.label} data-series={s.label}>
          {JSON.stringify(s.values)}
        </span>
      ))}
    </div>
  ),
}));

let fake: FakeClient;
let audienceInputs: CallInput<'songs/audience'>[];
let audience: SongAudienceView;

beforeEach(() => {
  window.location.hash = '#/songs/song-1';
  useToasts.setState({ toasts: [] });
  fake = installFakeClient();
  fake.answer('songs/get', () => songDetail());
  audienceInputs = [];
  audience = songAudience({
    platforms: [
      platformAudience(),
      platformAudience({ platform: 'shazam', points: [], fetchedAt: null, stale: true }),
      platformAudience({
        platform: 'youtube',
        points: [],
        fetchedAt: UI_NOW - 10 * 86_400_000,
        stale: true,
        lastError: 'Soundcharts answered 404: no YouTube audience for this song.',
      }),
    ],
    refreshing: ['shazam'],
  });
  fake.answer('songs/audience', (input) => {
    audienceInputs.push(input);
    return audience;
  });
});

async function open() {
  render(<SongScreen uuid="song-1" />);
  await screen.findByRole('heading', { level: 2, name: 'Déjà Vu' });
}

describe('song screen', () => {
  it('shows the metadata, opening only https links outside the app', async () => {
    await open();
    const card = screen.getByRole('region', { name: 'Metadata' });
    expect(within(card).getByTestId('best-peak').textContent).toBe('#1 on Top Songs, 21 Nov 2026');
    expect(within(card).getByRole('link', { name: 'Top Songs, 21 Nov 2026' }).getAttribute('href')).toBe(
      '#/charts/7/ranking?date=2026-11-21',
    );
    expect(within(card).getByText('USSM10603618')).toBeTruthy();
    expect(within(card).getByText('20 Jun 2006')).toBeTruthy();
    expect(within(card).getByText('Columbia (major)')).toBeTruthy();
    expect(within(card).getByText('R&B, Soul')).toBeTruthy();
    // The javascript: URL of the first artist is not a link; the https one opens outside, without an opener.
    expect(within(card).queryByRole('link', { name: /Beyoncé/ })).toBeNull();
    const jay = within(card).getByRole('link', { name: /Jay-Z/ });
    expect(jay.getAttribute('href')).toBe('https://app.soundcharts.com/app/artist/jay-z');
    expect(jay.getAttribute('target')).toBe('_blank');
    expect(jay.getAttribute('rel')).toBe('noopener noreferrer');
    expect(card.querySelector('img')?.getAttribute('src')).toBe('https://img.example/cover.jpg');
  });

  it('says when metadata was never fetched and when a fetch is queued', async () => {
    fake.answer('songs/get', () =>
      songDetail({
        song: songMetadata({ metadataFetchedAt: null, metadataStale: true, metadataQueued: true }),
      }),
    );
    await open();
    expect(screen.getByTestId('metadata-freshness').textContent).toBe(
      'Not fetched yet: only what the rankings carry is known.Fetch queued',
    );
  });

  it('plots the position per chart with #1 on top, and links each chart to its rankings', async () => {
    await open();
    const plots = await screen.findAllByTestId('plot-data');
    const position = plots[0]!;
    expect(position.dataset.invert).toBe('true');
    expect(position.querySelector('[data-series="Top Songs · spotify · Worldwide"]')?.textContent).toBe(
      '[4,1,2]',
    );
    const table = screen.getByRole('table', { name: /Charts the song appears on/ });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('link', { name: '#1' }).getAttribute('href')).toBe(
      '#/charts/7/ranking?date=2026-11-21',
    );
    expect(within(row).getByRole('link', { name: '20 Nov 2026' }).getAttribute('href')).toBe(
      '#/charts/7/ranking?date=2026-11-20',
    );
    expect(within(row).getByRole('link', { name: '23 Nov 2026' }).getAttribute('href')).toBe(
      '#/charts/7/ranking?date=2026-11-23',
    );
  });

  it('reads the audience (which starts the fetch of stale platforms) and says which are refreshing', async () => {
    await open();
    const list = await screen.findByRole('list', { name: 'Audience per platform' });
    expect(audienceInputs).toEqual([{ song: 'song-1' }]);
    const status = (platform: string) => within(list).getByTestId(`audience-status-${platform}`).textContent;
    expect(status('shazam')).toBe('refreshing…');
    expect(status('spotify')).toMatch(/^fetched/);
    expect(within(list).getByRole('alert').textContent).toBe(
      'Last fetch failed: Soundcharts answered 404: no YouTube audience for this song.',
    );
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Refreshing 1 platform…');
  });

  it('redraws a platform live when its audience lands, and only for this song', async () => {
    await open();
    const list = await screen.findByRole('list', { name: 'Audience per platform' });
    audience = songAudience({
      platforms: [
        platformAudience(),
        platformAudience({
          platform: 'shazam',
          points: [
            { date: '2026-11-21', value: 5000 },
            { date: '2026-11-22', value: 5600 },
          ],
          fetchedAt: UI_NOW,
        }),
      ],
      refreshing: [],
    });
    act(() => fake.emit('song/audience-updated', { songUuid: 'another-song', platform: 'shazam' }));
    act(() => fake.emit('song/audience-updated', { songUuid: 'song-1', platform: 'shazam' }));
    await waitFor(() =>
      expect(within(list).getByTestId('audience-status-shazam').textContent).toMatch(/^fetched/),
    );
    expect(audienceInputs).toHaveLength(2);
    const shazam = list.querySelector('[data-platform="shazam"]')!;
    expect(shazam.querySelector('[data-series="Shazams"]')?.textContent).toBe('[5000,5600]');
  });

  it('Refresh asks for a fetch of every platform now', async () => {
    await open();
    await screen.findByRole('list', { name: 'Audience per platform' });
    audience = { ...audience, refreshing: ['spotify', 'shazam', 'youtube'] };
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() =>
      expect(useToasts.getState().toasts.map((t) => t.title)).toContain(
        'Fetching the audience on Spotify, Shazam, YouTube',
      ),
    );
    expect(audienceInputs.at(-1)).toEqual({ song: 'song-1', refresh: true });
    expect(screen.getByTestId('audience-status-spotify').textContent).toBe('refreshing…');
  });

  it('says when the song is not stored', async () => {
    fake.answer('songs/get', () => ({ code: 'not_found', message: 'No song "song-1" is stored.' }));
    render(<SongScreen uuid="song-1" />);
    await screen.findByRole('heading', { name: 'No such song' });
  });
});
