import { describe, expect, it } from 'vitest';
import { quotaLine, rateLimitLine } from '../../../renderer/src/screens/settings/connection-test-result';
import {
  API_URL_OVERRIDE,
  credentialSourceText,
  draftInput,
  draftIsEmpty,
  EMPTY_DRAFT,
  maskedSecret,
  RATE_LIMIT_OVERRIDE,
  readOnlyReason,
  sourceLabel,
  storageWarning,
} from '../../../renderer/src/screens/settings/connection-text';

describe('where a connection value comes from', () => {
  it.each([
    ['command line', API_URL_OVERRIDE, 'command line (--api-url)'],
    ['environment', API_URL_OVERRIDE, 'from SOUNDCHARTS_API_URL'],
    ['environment', RATE_LIMIT_OVERRIDE, 'from CHART_SYNC_RATE_LIMIT'],
    ['settings', API_URL_OVERRIDE, 'set here'],
    ['default', RATE_LIMIT_OVERRIDE, 'default'],
  ] as const)('%s (%j) → %s', (source, override, expected) => {
    expect(sourceLabel(source, override)).toBe(expected);
  });

  it.each([
    ['command line', API_URL_OVERRIDE, /--api-url/],
    ['environment', API_URL_OVERRIDE, /SOUNDCHARTS_API_URL/],
    ['environment', RATE_LIMIT_OVERRIDE, /CHART_SYNC_RATE_LIMIT/],
    ['settings', API_URL_OVERRIDE, null],
    ['default', API_URL_OVERRIDE, null],
  ] as const)('%s is read-only here: %s', (source, override, expected) => {
    const reason = readOnlyReason(source, override);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });

  it.each([
    ['command line', 'api-key', /--app-id and --api-key/],
    ['environment', 'api-key', /SOUNDCHARTS_APP_ID and SOUNDCHARTS_API_KEY/],
    ['environment', 'oauth', /SOUNDCHARTS_CLIENT_ID and SOUNDCHARTS_CLIENT_SECRET/],
    ['saved', 'oauth', /Saved on this machine/],
    ['none', null, /demo mode/],
  ] as const)('credentials %s (%s) → %s', (source, kind, expected) => {
    expect(credentialSourceText(source, kind)).toMatch(expected);
  });
});

describe('secrets and their storage', () => {
  it.each([
    ['3f9a', '•••• 3f9a'],
    [null, '—'],
  ])('%s → %s', (last4, shown) => expect(maskedSecret(last4)).toBe(shown));

  it.each([
    [{ backend: 'file', encrypted: false, description: 'A file', warning: null }, /not encrypted/],
    [{ backend: 'basic_text', encrypted: false, description: 'x', warning: 'Plain text!' }, /^Plain text!$/],
    [{ backend: 'keychain', encrypted: true, description: 'The keychain', warning: null }, null],
  ])('%j warns %s', (storage, expected) => {
    const warning = storageWarning(storage);
    if (expected === null) expect(warning).toBeNull();
    else expect(warning).toMatch(expected);
  });
});

describe('the credentials form', () => {
  it('sends only the chosen kind, without an empty team id', () => {
    const draft = { ...EMPTY_DRAFT, appId: 'app', apiKey: 'key', clientId: 'c', clientSecret: 's' };
    expect(draftInput(draft)).toEqual({ kind: 'api-key', appId: 'app', apiKey: 'key' });
    expect(draftInput({ ...draft, kind: 'oauth', teamId: ' ' })).toEqual({
      kind: 'oauth',
      clientId: 'c',
      clientSecret: 's',
    });
    expect(draftInput({ ...draft, kind: 'oauth', teamId: 'team' })).toMatchObject({ teamId: 'team' });
  });

  it.each([
    [EMPTY_DRAFT, true],
    [{ ...EMPTY_DRAFT, clientId: 'typed for the other kind' }, true],
    [{ ...EMPTY_DRAFT, appId: 'a' }, false],
    [{ ...EMPTY_DRAFT, kind: 'oauth' as const, teamId: 't' }, false],
  ])('%j is empty: %s', (draft, empty) => expect(draftIsEmpty(draft)).toBe(empty));
});

describe('a test’s answer', () => {
  it.each([
    [{ used: 1200, limit: 10000, remaining: 8800 }, '1,200 used of 10,000 (8,800 remaining)'],
    [{ used: null, limit: null, remaining: 500 }, '500 remaining'],
    [{ used: null, limit: 10000, remaining: null }, 'A plan of 10,000'],
    [{ used: null, limit: 10000, remaining: 7 }, 'A plan of 10,000 (7 remaining)'],
    [{ used: 3, limit: null, remaining: null }, '3 used'],
    [{ used: null, limit: null, remaining: null }, 'Not reported'],
  ])('quota %j → %s', (quota, line) => expect(quotaLine(quota)).toBe(line));

  it.each([
    [{ limit: 1200, remaining: 1100 }, '1,200 requests a minute (1,100 left this minute)'],
    [{ limit: 600, remaining: null }, '600 requests a minute'],
    [{ limit: null, remaining: 5 }, 'Not reported'],
  ])('rate limit %j → %s', (rateLimit, line) => expect(rateLimitLine(rateLimit)).toBe(line));
});
