import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportView } from '../../../shared/views/export';
import { startServer, type RunningServer } from '../../../electron/engine/server';
import { seedRankings } from '../../../bench/seed-rankings';
import { parseCsv, SONGS, useExportEngine, type ExportFixture } from '../export/export-fixture';
import { makeRendererDir, TEST_TOKEN } from './support';

type Json = {
  ok: boolean;
  value?: Record<string, unknown>;
  error?: { code: string; message: string; fields?: Record<string, string> };
};

describe('REST exports', () => {
  const setup = useExportEngine();
  let server: RunningServer | null = null;
  let renderer: ReturnType<typeof makeRendererDir> | null = null;
  afterEach(async () => {
    await server?.close();
    renderer?.cleanup();
    server = null;
  });

  async function host(): Promise<ExportFixture & { base: string }> {
    const fixture = setup();
    renderer = makeRendererDir();
    server = await startServer({
      engine: fixture.engine,
      port: 0,
      rendererDir: renderer.rendererDir,
      token: TEST_TOKEN,
    });
    return { ...fixture, base: `http://127.0.0.1:${server.port}` };
  }
  const auth = { Authorization: `Bearer ${TEST_TOKEN}` };

  it('GET /api/export/{dataset} streams the file with its type and name, recorded as a REST export', async () => {
    const { base, engine } = await host();
    const response = await fetch(
      `${base}/api/export/rankings?format=csv&chart=global-28&chart=us-weekly-7&bom=1`,
      {
        headers: auth,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rankings-\d{8}-\d{6}\.csv"$/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const [, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r[10])).toContain(SONGS.B.name);
    const [recorded] = engine.exports.list(1, 0).items;
    expect(recorded).toMatchObject({ destination: 'rest', actor: 'rest', status: 'completed', rows: 10 });
    expect(recorded!.bytes).toBe(bytes.length);

    // Since the last export of rankings to REST (whatever its format): nothing new.
    const third = await fetch(`${base}/api/export/rankings/?format=ndjson&since_last=true`, {
      headers: auth,
    });
    expect(third.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(await third.text()).toBe('');
  });

  it('refuses bad input with JSON before the first byte, naming the parameter', async () => {
    const { base } = await host();
    const cases: [string, number, string | null, RegExp][] = [
      ['/api/export/rankings?format=pdf', 400, 'format', /Unknown format "pdf"/],
      ['/api/export/rankings', 400, 'format', /Choose a format/],
      ['/api/export/charts?format=csv', 400, 'dataset', /Unknown dataset "charts"/],
      ['/api/export/rankings?format=csv&chart=nope', 404, 'chart', /No chart "nope"/],
      ['/api/export/rankings?format=csv&since_last=maybe', 400, 'since_last', /Use 1 or true/],
      ['/api/export/rankings?format=csv&from=2026-11-03&to=2026-11-01', 400, 'from', /not be after/],
      ['/api/export/rankings?format=csv&out=/tmp/x.csv', 400, 'out', /Unknown query parameter "out"/],
      ['/api/export/backup', 400, 'dataset', /written to a file/],
      ['/api/exports/99/file', 404, null, /Export 99 does not exist/],
      ['/api/exports/x/file', 400, null, /positive whole number/],
      // A malformed percent-encoding is the client's mistake, not the engine's.
      ['/api/export/%E0%A4?format=csv', 400, null, /not a valid path segment/],
    ];
    for (const [path, status, field, message] of cases) {
      const response = await fetch(`${base}${path}`, { headers: auth });
      const body = (await response.json()) as Json;
      expect(response.status, path).toBe(status);
      expect(body.error!.message).toMatch(message);
      if (field) expect(Object.keys(body.error!.fields ?? {}), path).toContain(field);
    }
    expect((await fetch(`${base}/api/export/rankings?format=csv`)).status).toBe(401);
    const post = await fetch(`${base}/api/export/rankings?format=csv`, { method: 'POST', headers: auth });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('POST /api/exports/ starts an export to a file; get, list, cancel, and the finished file to download', async () => {
    const { base, engine, dir } = await host();
    const started = await fetch(`${base}/api/exports/`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ dataset: 'rankings', format: 'xlsx', charts: ['global-28'], since_last: false }),
    });
    expect(started.status).toBe(202);
    const view = ((await started.json()) as Json).value!;
    expect(view).toMatchObject({ status: 'running', dataset: 'rankings', format: 'xlsx', actor: 'rest' });
    expect(typeof view.started_at).toBe('string');
    const finished = await engine.exports.finished(view.id as number);
    expect(finished.destination.startsWith(dir)).toBe(true);

    const got = (await (
      await fetch(`${base}/api/exports/${view.id as number}/`, { headers: auth })
    ).json()) as Json;
    expect(got.value).toMatchObject({ status: 'completed', rows: 9, total_rows: 9 });
    const list = (await (await fetch(`${base}/api/exports/?limit=5`, { headers: auth })).json()) as Json;
    expect(list.value).toMatchObject({ total: 1, limit: 5, offset: 0 });

    // The browser downloads with the token in the address, as a link can carry it.
    const file = await fetch(`${base}/api/exports/${view.id as number}/file?token=${TEST_TOKEN}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(file.headers.get('content-disposition')).toMatch(
      /attachment; filename="rankings-\d{8}-\d{6}\.xlsx"/,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(readFileSync(finished.destination))).toBe(true);

    const cancel = await fetch(`${base}/api/exports/${view.id as number}/cancel/`, {
      method: 'POST',
      headers: auth,
    });
    expect(cancel.status).toBe(409);
    const bad = await fetch(`${base}/api/exports/`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ dataset: 'rankings', format: 'csv', out: 'relative.csv', extra: 1 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error!.message).toMatch(/Unknown field "extra"/);
  });

  it('a client that goes away cancels the streamed export', async () => {
    const { base, engine } = await host();
    seedRankings(engine.database, 1_500, 200);
    const ended = new Promise<ExportView>((resolve) => {
      engine.events.on('export/updated', (view) => {
        if (view.status !== 'running') resolve(view);
      });
    });
    await new Promise<void>((resolve, reject) => {
      const request = get(
        `${base}/api/export/rankings?format=csv&chart=bench-chart`,
        { headers: auth },
        (response) => {
          response.once('data', () => {
            // The first bytes arrived: hang up mid-file.
            request.destroy();
            resolve();
          });
        },
      );
      request.on('error', () => {});
      request.on('close', () => resolve());
      setTimeout(() => reject(new Error('no data')), 20_000);
    });
    const view = await ended;
    expect(view).toMatchObject({ status: 'cancelled', destination: 'rest' });
    expect(view.rows).toBeLessThan(300_000);
  });
});
