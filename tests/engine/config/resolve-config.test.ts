import { describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigFlags } from '../../../electron/engine/config/app-config';
import type { Credentials } from '../../../electron/engine/soundcharts/auth';
import { DEFAULT_BASE_URL } from '../../../electron/engine/soundcharts/endpoints';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../../../shared/domain/policies';

const SAVED: Credentials = { kind: 'api-key', appId: 'saved-app', apiKey: 'saved-key' };
const FLAGS: ConfigFlags = { dataDir: '/data', appId: 'flag-app', apiKey: 'flag-key' };
const ENV_KEY = { SOUNDCHARTS_APP_ID: 'env-app', SOUNDCHARTS_API_KEY: 'env-key' };
const ENV_OAUTH = { SOUNDCHARTS_CLIENT_ID: 'env-client', SOUNDCHARTS_CLIENT_SECRET: 'env-secret' };

describe('resolveConfig: credentials', () => {
  it.each([
    ['a flag over everything', FLAGS, ENV_KEY, SAVED, 'command line', 'flag-app'],
    ['the environment over saved', { dataDir: '/data' }, ENV_KEY, SAVED, 'environment', 'env-app'],
    [
      'an OAuth client from the environment',
      { dataDir: '/data' },
      ENV_OAUTH,
      SAVED,
      'environment',
      'env-client',
    ],
    [
      'an app id over an OAuth client',
      { dataDir: '/data' },
      { ...ENV_OAUTH, ...ENV_KEY },
      null,
      'environment',
      'env-app',
    ],
    ['saved ones when nothing else', { dataDir: '/data' }, {}, SAVED, 'saved', 'saved-app'],
    [
      'blank variables as unset',
      { dataDir: '/data' },
      { SOUNDCHARTS_APP_ID: ' ', SOUNDCHARTS_API_KEY: '' },
      SAVED,
      'saved',
      'saved-app',
    ],
    ['none (demo) without any', { dataDir: '/data' }, {}, null, 'none', null],
  ] as const)('takes %s', (_, flags, env, saved, source, identity) => {
    const config = resolveConfig(flags, env, {}, () => saved);
    expect(config.credentialSource).toBe(source);
    const credentials = config.credentials;
    expect(credentials && (credentials.kind === 'api-key' ? credentials.appId : credentials.clientId)).toBe(
      identity,
    );
  });

  it('reads the vault only when no flag or variable gives credentials', () => {
    let reads = 0;
    const saved = () => {
      reads += 1;
      throw new Error('the vault must not be read');
    };
    expect(resolveConfig(FLAGS, {}, {}, saved).credentialSource).toBe('command line');
    expect(resolveConfig({ dataDir: '/d' }, ENV_KEY, {}, saved).credentialSource).toBe('environment');
    expect(reads).toBe(0);
  });

  it.each([
    [{ dataDir: '/d', appId: 'only-id' }, {}, /--app-id and --api-key; only one is set/],
    [{ dataDir: '/d' }, { SOUNDCHARTS_API_KEY: 'k' }, /SOUNDCHARTS_APP_ID and SOUNDCHARTS_API_KEY; only one/],
    [
      { dataDir: '/d' },
      { SOUNDCHARTS_CLIENT_ID: 'c' },
      /SOUNDCHARTS_CLIENT_ID and SOUNDCHARTS_CLIENT_SECRET/,
    ],
  ])('refuses half a pair (%j %j)', (flags, env, message) => {
    expect(() => resolveConfig(flags, env, {}, () => SAVED)).toThrow(message);
  });

  it('takes the OAuth team id from the environment when set', () => {
    const config = resolveConfig({ dataDir: '/d' }, { ...ENV_OAUTH, SOUNDCHARTS_TEAM_ID: 'team-1' });
    expect(config.credentials).toEqual({
      kind: 'oauth',
      clientId: 'env-client',
      clientSecret: 'env-secret',
      teamId: 'team-1',
    });
  });
});

describe('resolveConfig: API URL and rate limit', () => {
  const stored = { apiUrl: 'https://settings.example.com', rateLimitPerMinute: 300 };
  const env = { SOUNDCHARTS_API_URL: 'https://env.example.com', CHART_SYNC_RATE_LIMIT: '400' };
  const flags = { dataDir: '/d', apiUrl: 'https://flag.example.com', rateLimitPerMinute: 500 };

  it.each([
    ['flags', flags, env, stored, 'https://flag.example.com', 'command line', 500, 'command line'],
    [
      'the environment',
      { dataDir: '/d' },
      env,
      stored,
      'https://env.example.com',
      'environment',
      400,
      'environment',
    ],
    ['settings', { dataDir: '/d' }, {}, stored, 'https://settings.example.com', 'settings', 300, 'settings'],
    [
      'defaults',
      { dataDir: '/d' },
      {},
      {},
      DEFAULT_BASE_URL,
      'default',
      DEFAULT_RATE_LIMIT_PER_MINUTE,
      'default',
    ],
  ] as const)('from %s, saying so', (_, f, e, s, apiUrl, apiUrlSource, rate, rateSource) => {
    expect(resolveConfig(f, e, s)).toMatchObject({
      apiUrl,
      apiUrlSource,
      rateLimitPerMinute: rate,
      rateLimitSource: rateSource,
    });
  });

  it('refuses a bad rate limit from the environment, naming where it came from', () => {
    expect(() => resolveConfig({ dataDir: '/d' }, { CHART_SYNC_RATE_LIMIT: 'fast' })).toThrow(
      /Invalid configuration from the environment: rateLimitPerMinute/,
    );
    expect(() => resolveConfig({ dataDir: '/d' }, { CHART_SYNC_RATE_LIMIT: '0' })).toThrow(/environment/);
  });
});
