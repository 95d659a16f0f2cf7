import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../electron/engine/server';
import { ALL_ROUTES } from '../../electron/engine/server/rest-api';
import { EXPORT_FILE_PATHS } from '../../electron/engine/server/rest-export-routes';
import { MAX_REST_BODY_BYTES } from '../../electron/engine/server/limits';
import { http, type HttpAnswer } from '../engine/server/support';
import { CHAOS_FULL, chaosScale, chaosTimeout } from './support/chaos-scale';
import { quietDump } from './support/database-dump';
import { useFuzzEngine, useFuzzHost } from './support/fuzz-engine';
import { HOSTILE_NUMBERS, HOSTILE_STRINGS, PROTOTYPE_KEYS } from './support/hostile-values';
import { containsPlantedSecret, recordOutput } from './support/planted-key';

/** Cases per endpoint (path × method): ~200 in all reduced, ~5,000 in full. */
const RUNS_PER_ENDPOINT = chaosScale(4, 100);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

type Endpoint = { path: string; method: string; query: readonly string[]; writes: boolean };

/** Every REST endpoint: each route's methods, and the two that answer files. */
const ENDPOINTS: Endpoint[] = [
  ...ALL_ROUTES.flatMap((route) =>
    Object.keys(route.methods).map((method) => ({
      path: route.path,
      method,
      query: Object.keys(route.query?.[method] ?? {}),
      writes: method !== 'GET',
    })),
  ),
  ...EXPORT_FILE_PATHS.map((path) => ({ path, method: 'GET', query: [], writes: false })),
];

/** Text that survives in a URL: percent-encoded, except a few raw escapes that are themselves broken. */
const segment = fc.oneof(
  fc.constantFrom(
    '1',
    '2',
    '3',
    '999999',
    '0',
    '-1',
    '1.5',
    '1e3',
    'NaN',
    'Infinity',
    'global-28',
    '%',
    '%ZZ',
    '%E0%A4%A',
    '%C0%AF',
    '%00',
    '..',
    '%2e%2e',
    '%2F',
    'x'.repeat(4_000),
  ),
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 5_000)).map(encodeComponent),
);

function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: sent as the raw UTF-8 bytes of a replacement would hide it; send invalid UTF-8 instead.
    return '%ED%A0%80';
  }
}

const queryValue = fc.oneof(
  segment,
  fc.constantFrom(...HOSTILE_NUMBERS.map(String)),
  fc.constantFrom('2025-08-23', '2025-13-45', 'true', 'yes', ''),
);

function queryFor(endpoint: Endpoint): fc.Arbitrary<string> {
  const names = [...endpoint.query, ...PROTOTYPE_KEYS, 'unknown', 'token'];
  return fc
    .array(fc.tuple(fc.constantFrom(...names), queryValue), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'));
}

const jsonValue = fc.oneof(
  fc.constantFrom<unknown>(
    ...HOSTILE_STRINGS.filter((s) => !/[\uD800-\uDFFF]/.test(s)),
    ...HOSTILE_NUMBERS.filter(Number.isFinite),
  ),
  fc.constantFrom<unknown>(null, true, [], {}, [1, 'a'], 'NaN', 'Infinity', 1e308),
  fc.jsonValue({ maxDepth: 2 }),
);

const SNAKE_FIELDS = [
  'chart_id',
  'sync_frequency',
  'cron_expression',
  'time_zone',
  'custom_interval_hours',
  'history_window_days',
  'is_active',
  'sync_immediately',
  'url',
  'secret',
  'events',
  'ids',
  'dataset',
  'format',
  'path',
  'charts',
  'requests_in_flight',
  'retention_days',
  'app_id',
  'api_key',
  'dry_run',
  'create_schedule',
];

/** A body as bytes: hostile JSON objects, broken JSON, invalid UTF-8, deep nesting, the wrong top-level type. */
const body: fc.Arbitrary<Buffer> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .dictionary(fc.constantFrom(...SNAKE_FIELDS, ...PROTOTYPE_KEYS), jsonValue, { maxKeys: 4 })
      .map((o) => Buffer.from(JSON.stringify(o))),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
        '{',
        '{"a":',
        '[]',
        '1',
        '"x"',
        'null',
        '{"chart_id":1e999}',
        '{"chart_id":NaN}',
        '{"a":1}{"b":2}',
        '\u0000',
      )
      .map((t) => Buffer.from(t)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.from('{"cron_expression":"\xff\xfe"}', 'latin1'),
      Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(500, 5_000, 20_000)
      .map((depth) => Buffer.from(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(20_000, 100_000).map((n) => Buffer.from('['.repeat(n) + ']'.repeat(n))),
  },
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/vnd.x+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
  'application/json; charset=latin1',
);

type Case = {
  path: string;
  query: string;
  body: Buffer | null;
  contentType: string;
  extraHeaders: Record<string, string>;
};

function caseFor(endpoint: Endpoint): fc.Arbitrary<Case> {
  return fc.record({
    path: fc
      .tuple(segment, fc.boolean())
      .map(([value, slash]) => endpoint.path.replace(/\{(id|ref|dataset)\}/, value) + (slash ? '/' : '')),
    query: queryFor(endpoint),
    body: BODY_METHODS.has(endpoint.method) ? body : fc.option(body, { freq: 4 }),
    contentType,
    extraHeaders: fc.dictionary(
      fc.constantFrom(
        'X-Forwarded-For',
        'X-Forwarded-Host',
        'Accept',
        'Accept-Encoding',
        'Range',
        'If-None-Match',
        'Cookie',
        'Expect',
        'X-HTTP-Method-Override',
      ),
      fc
        .constantFrom(
          '127.0.0.1',
          '8.8.8.8',
          'evil.example',
          '*/*',
          'gzip, br',
          'bytes=0-1,5-',
          '*',
          'a=b; chart-sync-page-1=x',
          'DELETE',
          '100-continue',
        )
        .filter(Boolean),
      { maxKeys: 3 },
    ),
  });
}

describe('fuzzing every REST endpoint: paths, query strings, headers and bodies', () => {
  const fuzz = useFuzzEngine();
  const fuzzHost = useFuzzHost(fuzz);
  const internal = fuzzHost.internal;
  let server: RunningServer;
  beforeAll(() => {
    server = fuzzHost.server;
  });
  const tally = { cases: 0, refused: 0, accepted: 0, endpoints: 0 };

  const send = (method: string, target: string, headers: Record<string, string>, payload?: Buffer | null) =>
    http(server.port, method, target, {
      headers: { Authorization: `Bearer ${server.token}`, ...headers },
      ...(payload ? { body: payload } : {}),
    });

  /** Lets what an accepted request started (a sync, an export) finish, so it is not blamed on the next case. */
  async function settled(): Promise<string> {
    let previous = quietDump(fuzz.current.engine);
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = quietDump(fuzz.current.engine);
      const busy = fuzz.current.engine.database.sqlite
        .prepare(
          "SELECT (SELECT count(*) FROM chart_sync_executions WHERE status IN ('pending', 'running')) + (SELECT count(*) FROM data_exports WHERE status IN ('pending', 'running')) AS n",
        )
        .get() as { n: number };
      if (now === previous && busy.n === 0) return now;
      previous = now;
    }
    throw new Error('the engine did not settle after an accepted request');
  }

  function check(endpoint: Endpoint, answer: HttpAnswer) {
    recordOutput(
      'fuzz-rest',
      `${endpoint.method} ${endpoint.path} ${answer.status} ${answer.text.slice(0, 2_000)}`,
    );
    expect(containsPlantedSecret(answer.text)).toBe(false);
    expect(answer.status, answer.text).toBeLessThan(500);
    if (answer.status >= 400 && answer.headers['content-type']?.startsWith('application/json')) {
      const { ok, error } = answer.json() as {
        ok: boolean;
        error: { code: string; message: string; fields?: object };
      };
      expect(ok).toBe(false);
      expect(error.code).not.toBe('internal');
      expect(error.message.length).toBeGreaterThan(0);
      // A refusal by field names it, in `fields` and in words.
      for (const field of Object.keys(error.fields ?? {})) expect(error.message).toContain(field);
    }
  }

  it.each(ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))(
    '%s: a refusal names the problem, is never a 500, and changes nothing',
    async (_name, endpoint) => {
      let dump = await settled();
      await fc.assert(
        fc.asyncProperty(caseFor(endpoint), async (c) => {
          const headers: Record<string, string> = { ...c.extraHeaders };
          if (c.contentType) headers['Content-Type'] = c.contentType;
          // Exports write where the body says; a fuzzed path must never be written to, so they are always refused.
          const payload =
            endpoint.path === '/api/exports' && endpoint.method === 'POST' && c.body
              ? Buffer.concat([Buffer.from('{"fuzz_unknown_field":1,'), c.body.subarray(1)])
              : c.body;
          // Framed: a body without a length on a GET is a broken request that Node's parser answers (400) itself.
          if (payload) headers['Content-Length'] = String(payload.length);
          const target = c.query ? `${c.path}?${c.query}` : c.path;
          const answer = await send(endpoint.method, target, headers, payload);
          tally.cases += 1;
          check(endpoint, answer);
          if (answer.status < 400) {
            tally.accepted += 1;
            dump = await settled();
          } else {
            tally.refused += 1;
            expect(quietDump(fuzz.current.engine), 'a refused request changed the data').toBe(dump);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(internal.map(({ where }) => where)).toEqual([]);
        }),
        { numRuns: RUNS_PER_ENDPOINT, seed: chaosScale(1313, Date.now()), endOnFailure: true },
      );
      tally.endpoints += 1;
    },
    chaosTimeout(60_000, 600_000),
  );

  it(
    'refuses a 10 MB body (413, connection closed) at the endpoints that take one, changing nothing',
    async () => {
      const dump = await settled();
      const big = Buffer.alloc(10 * 1024 * 1024, 0x20);
      big.write('{"chart_id":', 0);
      // Reduced: a few endpoints (the cap is one function in front of them all); in full, every one.
      const writers = ENDPOINTS.filter((e) => BODY_METHODS.has(e.method)).filter(
        (_, index) => CHAOS_FULL || index % 6 === 0,
      );
      for (const endpoint of writers) {
        const path = endpoint.path.replace(/\{(id|ref|dataset)\}/, '1');
        // Declared up front, and streamed without a length (the cap then applies while reading).
        for (const headers of [
          { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
          { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        ] as Record<string, string>[]) {
          const answer = await send(endpoint.method, path, headers, big).catch(
            (error: NodeJS.ErrnoException) => {
              // The host may close the connection while the client is still writing: a refusal too.
              expect(['ECONNRESET', 'EPIPE']).toContain(error.code);
              return null;
            },
          );
          if (answer) {
            check(endpoint, answer);
            expect(answer.status, `${endpoint.method} ${path}`).toBe(413);
            expect((answer.json() as { error: { message: string } }).error.message).toContain(
              `${MAX_REST_BODY_BYTES / 1024} KiB`,
            );
          }
          tally.cases += 1;
        }
      }
      expect(quietDump(fuzz.current.engine)).toBe(dump);
    },
    chaosTimeout(60_000, 120_000),
  );

  it('refuses oversized and malformed headers without a 500, and stays up', async () => {
    const huge = await send('GET', '/api/sync/schedules/', { 'X-Big': 'x'.repeat(64 * 1024) }).catch(
      () => null,
    );
    if (huge) expect(huge.status).toBe(431);
    for (const authorization of [
      'Bearer',
      'Bearer  ',
      `Bearer ${server.token} extra`,
      'Basic Zm9vOmJhcg==',
      `bearer ${'x'.repeat(8_000)}`,
    ]) {
      const answer = await http(server.port, 'GET', '/api/sync/schedules/', {
        headers: { Authorization: authorization },
      });
      expect(answer.status, authorization.slice(0, 40)).toBe(401);
    }
    const alive = await send('GET', '/api/sync/schedules/', {});
    expect(alive.status).toBe(200);
  });

  it('covered every endpoint, and the host still answers', async () => {
    expect(tally.endpoints).toBe(ENDPOINTS.length);
    expect((await send('GET', '/api/sync/schedules/', {})).status).toBe(200);
    expect(internal).toEqual([]);
    recordOutput('fuzz-rest-tally', JSON.stringify(tally));
    console.log(
      `fuzz-rest: ${tally.cases} requests over ${tally.endpoints} endpoints (${tally.refused} refused, ${tally.accepted} accepted)`,
    );
  });
});
