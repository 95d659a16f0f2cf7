import { describe, expect, it } from 'vitest';
import { foldText, matchesTerms, scheduleSearchText, searchTerms } from '../../../shared/domain/text-search';

describe('searchTerms', () => {
  it.each([
    ['  Música   FR ', ['musica', 'fr']],
    ['', []],
    ['   ', []],
    ['TOP\tsongs\n', ['top', 'songs']],
    ['Beyoncé', ['beyonce']],
    ['東京', ['東京']],
  ])('%j → %j', (query, terms) => {
    expect(searchTerms(query)).toEqual(terms);
  });
});

describe('matchesTerms', () => {
  const haystack = foldText('Top Songs\nglobal-28\nspotify\nFrance\nFR\nDaily');
  it.each<[string, boolean]>([
    ['', true],
    ['top', true],
    ['spotify fr', true],
    // Every word must be there: a second word narrows.
    ['spotify de', false],
    ['FRANCE daily', true],
    ['weekly', false],
  ])('%j → %s', (query, expected) => {
    expect(matchesTerms(haystack, searchTerms(query))).toBe(expected);
  });
});

describe('scheduleSearchText', () => {
  const chart = {
    name: 'Top 200 · Música',
    slug: 'es-12',
    platform: 'spotify',
    countryName: 'Spain',
    countryCode: 'ES',
  };
  it.each<[string, boolean]>([
    ['musica', true],
    ['es-12', true],
    ['spain spotify', true],
    ['every 6 h', true],
    ['daily', false],
  ])('%j → %s', (query, expected) => {
    expect(matchesTerms(scheduleSearchText(chart, 'Every 6 h'), searchTerms(query))).toBe(expected);
  });
});
