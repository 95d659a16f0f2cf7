// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseRoute } from '../../../renderer/src/routing/routes';
import {
  parseSongsFilter,
  songsFilterParams,
  songsListInput,
} from '../../../renderer/src/screens/songs/songs-filter';
import { SongsScreen } from '../../../renderer/src/screens/songs/songs-screen';
import type { CallInput } from '../../../shared/contract/calls';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { songListItem } from '../support/sample-data-views';

describe('songs filter in the URL', () => {
  it.each([
    [{}, { search: '', sort: 'last_seen', offset: 0 }],
    [
      { q: 'beyoncé', sort: 'best_peak', offset: '100' },
      { search: 'beyoncé', sort: 'best_peak', offset: 100 },
    ],
    [
      { sort: 'nonsense', offset: '-3' },
      { search: '', sort: 'last_seen', offset: 0 },
    ],
  ])('%o reads as %o', (params, filter) => {
    expect(parseSongsFilter(params)).toEqual(filter);
  });
  it('writes only what differs from the default, and the call input', () => {
    expect(songsFilterParams({ search: '', sort: 'last_seen', offset: 0 })).toEqual({});
    expect(songsFilterParams({ search: 'x', sort: 'charts', offset: 200 })).toEqual({
      q: 'x',
      sort: 'charts',
      offset: '200',
    });
    expect(songsListInput({ search: '  ', sort: 'title', offset: 0 })).toEqual({
      sort: 'title',
      limit: 100,
      offset: 0,
    });
  });
});

let fake: FakeClient;
let inputs: CallInput<'songs/list'>[];

function renderAtHash() {
  const route = parseRoute(window.location.hash);
  if (route.screen !== 'songs') throw new Error(`not the songs screen: ${window.location.hash}`);
  return <SongsScreen filter={route.filter} />;
}

beforeEach(() => {
  window.location.hash = '#/songs';
  fake = installFakeClient();
  inputs = [];
  fake.answer('songs/list', (input) => {
    inputs.push(input);
    const all = Array.from({ length: 250 }, (_, i) =>
      songListItem({ uuid: `s${i}`, name: i === 0 ? 'Déjà Vu' : `Song ${i}`, bestPeak: i + 1 }),
    );
    const matching = input.search ? all.filter((s) => s.name.includes(input.search!)) : all;
    const offset = input.offset ?? 0;
    const limit = input.limit ?? 100;
    return { items: matching.slice(offset, offset + limit), total: matching.length, limit, offset };
  });
});

describe('songs screen', () => {
  it('lists songs linking to each, and pages through them', async () => {
    const { rerender } = render(renderAtHash());
    const grid = await screen.findByRole('grid', { name: 'Songs' });
    expect(screen.getByText('250 songs')).toBeTruthy();
    expect(within(grid).getByRole('link', { name: 'Déjà Vu' }).getAttribute('href')).toBe('#/songs/s0');
    expect(screen.getByText('1–100 of 250')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(window.location.hash).toBe('#/songs?offset=100');
    rerender(renderAtHash());
    await screen.findByText('101–200 of 250');
    expect(inputs.at(-1)).toEqual({ sort: 'last_seen', limit: 100, offset: 100 });
  });

  it('searches once typing settles, from the first page, and keeps it in the URL', async () => {
    window.location.hash = '#/songs?offset=100';
    const { rerender } = render(renderAtHash());
    await screen.findByRole('grid', { name: 'Songs' });
    const box = screen.getByRole('searchbox', { name: 'Search songs' });
    fireEvent.change(box, { target: { value: 'D' } });
    fireEvent.change(box, { target: { value: 'Déjà' } });
    await waitFor(() => expect(window.location.hash).toBe('#/songs?q=D%C3%A9j%C3%A0'));
    rerender(renderAtHash());
    await screen.findByText('1 matching song');
    expect(inputs.at(-1)).toEqual({ search: 'Déjà', sort: 'last_seen', limit: 100, offset: 0 });
    expect((box as HTMLInputElement).value).toBe('Déjà');
  });

  it('sorts', async () => {
    render(renderAtHash());
    await screen.findByRole('grid', { name: 'Songs' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'best_peak' } });
    expect(window.location.hash).toBe('#/songs?sort=best_peak');
  });

  it('says how to get songs when none is stored', async () => {
    fake.answer('songs/list', () => ({ items: [], total: 0, limit: 100, offset: 0 }));
    render(renderAtHash());
    await screen.findByRole('heading', { name: 'No songs stored yet' });
  });
});
