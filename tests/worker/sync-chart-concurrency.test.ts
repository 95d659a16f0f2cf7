import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter, SANDBOX_CREDENTIALS, SoundchartsClient } from '../../electron/engine/soundcharts';
import type { SyncChartTask, SyncMessage } from '../../electron/worker/protocol';
import { syncChart } from '../../electron/worker/sync-chart';
import { UNLIMITED_PER_MINUTE } from '../support/emulator';
import { sendJson, startStubServer, type StubServer } from '../support/stub-server';

/**
 * The worker's concurrent fetching against a stub that answers after a delay and counts the requests it holds
 * at once: pages of 2 entries, rankings of 6 (three pages each), one ranking a day.
 */
const PAGE = 2;
const TOTAL = 6;
const DAYS = Array.from({ length: 12 }, (_, i) => `2025-08-${String(i + 1).padStart(2, '0')}`);
const datetimeOf = (day: string) => `${day}T12:00:00+00:00`;

type Stub = StubServer & { peak(): number; firstPages: Set<string>; received(): number };

let stub: Stub | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

function rankingPage(day: string, offset: number, total: number) {
  const date = datetimeOf(day);
  const count = Math.max(0, Math.min(PAGE, total - offset));
  return {
    related: {
      chart: {
        name: 'T',
        type: 'song',
        slug: 'x-1',
        platform: 'spotify',
        frequency: 'daily',
        countryCode: '',
      },
      date,
    },
    items: Array.from({ length: count }, (_, i) => ({
      song: { uuid: `s${offset + i}`, name: 'n', creditName: 'c', imageUrl: null },
      position: offset + i + 1,
      oldPosition: 0,
      positionEvolution: 0,
      metric: null,
      entryState: '',
      entryDate: date,
      rankDate: date,
      timeOnChart: 1,
      timeOnChartUnit: 'DOC',
    })),
    page: {
      offset,
      limit: PAGE,
      next:
        offset + PAGE < total
          ? `/api/v2.14/chart/song/x-1/ranking/x?offset=${offset + PAGE}&limit=${PAGE}`
          : null,
      previous: null,
      total,
    },
    errors: [],
  };
}

/** `totalOf(day, offset)`: the page.total a page says (a stub lying on one page makes the pages disagree). */
async function startRankingStub(
  totalOf: (day: string, offset: number) => number = () => TOTAL,
  missing: (day: string, offset: number) => boolean = () => false,
  /** The list of dates in pages of this many, the page at `missingDatesAt` answering 404. */
  datesPaged: { size: number; missingAt: number } | null = null,
): Promise<Stub> {
  let active = 0;
  let received = 0;
  let peak = 0;
  const firstPages = new Set<string>();
  const server = await startStubServer((request, response) => {
    const url = new URL(request.url ?? '', 'http://stub');
    received += 1;
    if (url.pathname.endsWith('/available-rankings') && datesPaged) {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      if (offset === datesPaged.missingAt) {
        sendJson(response, 404, { errors: [{ code: 404, message: 'Not found' }] });
        return;
      }
      const { size } = datesPaged;
      setTimeout(() => {
        sendJson(response, 200, {
          items: DAYS.slice(offset, offset + size).map(datetimeOf),
          page: {
            offset,
            limit: size,
            next: offset + size < DAYS.length ? `/api/v2/x?offset=${offset + size}&limit=${size}` : null,
            previous: null,
            total: DAYS.length,
          },
          errors: [],
        });
      }, 15);
      return;
    }
    if (url.pathname.endsWith('/available-rankings')) {
      sendJson(response, 200, {
        items: DAYS.map(datetimeOf),
        page: { offset: 0, limit: 100, next: null, previous: null, total: DAYS.length },
        errors: [],
      });
      return;
    }
    const day = decodeURIComponent(url.pathname.split('/').at(-1) ?? '').slice(0, 10);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (offset === 0) firstPages.add(day);
    if (missing(day, offset)) {
      sendJson(response, 404, { errors: [{ code: 404, message: 'Not found' }] });
      return;
    }
    active += 1;
    peak = Math.max(peak, active);
    setTimeout(() => {
      active -= 1;
      sendJson(response, 200, rankingPage(day, offset, totalOf(day, offset)));
    }, 15);
  });
  return Object.assign(server, { peak: () => peak, firstPages, received: () => received });
}

/** Runs syncChart in this thread; `onMessage` may answer on the port (a stop). Resolves with every message. */
async function run(
  server: StubServer,
  requestsInFlight: number,
  onMessage: (message: SyncMessage, post: (control: { type: 'stop' }) => void) => void = () => {},
): Promise<SyncMessage[]> {
  const { port1, port2 } = new MessageChannel();
  const messages: SyncMessage[] = [];
  const done = new Promise<void>((resolve) => {
    port1.on('message', (message: SyncMessage) => {
      messages.push(message);
      onMessage(message, (control) => port1.postMessage(control));
      if (message.type === 'done') resolve();
    });
  });
  const client = new SoundchartsClient({
    baseUrl: server.url,
    credentials: SANDBOX_CREDENTIALS,
    rateLimiter: RateLimiter.create(UNLIMITED_PER_MINUTE),
    timeoutMs: 2_000,
  });
  const task: SyncChartTask = {
    kind: 'sync-chart',
    connection: { baseUrl: server.url, credentials: SANDBOX_CREDENTIALS },
    slug: 'x-1',
    frequency: 'daily',
    window: { from: DAYS[0]!, to: DAYS.at(-1)! },
    stored: [],
    historical: true,
    entriesPerRanking: TOTAL,
    requestsInFlight,
    previewOnly: false,
    port: port2,
  };
  await syncChart(task, client);
  await done;
  port1.close();
  return messages;
}

const periods = (messages: SyncMessage[]) => messages.flatMap((m) => (m.type === 'period' ? [m] : []));

describe('syncChart: pages and periods at once', () => {
  it.each([1, 3, 8])('never has more than %i requests in flight, and uses them all', async (limit) => {
    stub = await startRankingStub();
    const messages = await run(stub, limit);
    expect(stub.peak()).toBe(limit);
    expect(messages[0]?.type).toBe('plan');
    expect(messages.at(-1)).toMatchObject({ type: 'done', outcome: { ok: true } });
    const stored = periods(messages);
    expect(stored.map((m) => m.key).sort()).toEqual(DAYS);
    // Every period whole, in position order, whatever order its pages came back in.
    for (const { snapshot } of stored) {
      expect(snapshot.entries.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(snapshot.pages).toBe(3);
    }
  });

  it('a page that disagrees on page.total fails its period only, which is never posted half', async () => {
    stub = await startRankingStub((day, offset) => (day === '2025-08-05' && offset === 4 ? 7 : TOTAL));
    const messages = await run(stub, 4);
    const failed = messages.filter((m) => m.type === 'period-failed');
    expect(failed).toEqual([
      expect.objectContaining({
        key: '2025-08-05',
        error: expect.objectContaining({ code: 'malformed_response' }),
      }),
    ]);
    expect(
      periods(messages)
        .map((m) => m.key)
        .sort(),
    ).toEqual(DAYS.filter((d) => d !== '2025-08-05'));
    expect(messages.at(-1)).toMatchObject({
      type: 'done',
      outcome: { ok: true, summary: { periodsFailed: 1 } },
    });
  });

  it('a stop finishes every period in flight, whole, and starts no other', async () => {
    stub = await startRankingStub();
    let stopped = false;
    const messages = await run(stub, 4, (message, post) => {
      if (message.type === 'period' && !stopped) {
        stopped = true;
        post({ type: 'stop' });
      }
    });
    const stored = periods(messages);
    expect(stored.length).toBeGreaterThan(1);
    expect(stored.length).toBeLessThan(DAYS.length);
    // What was started was finished and posted: no period fetched in part and dropped.
    expect(new Set(stored.map((m) => m.key))).toEqual(stub.firstPages);
    for (const { snapshot } of stored) expect(snapshot.entries).toHaveLength(TOTAL);
    expect(messages.at(-1)).toMatchObject({ type: 'done', outcome: { ok: true } });
  });

  it('a page that fails fails its period once the period’s other pages are back: none is sent after done', async () => {
    stub = await startRankingStub(undefined, (_day, offset) => offset === 2);
    const messages = await run(stub, 1);
    const done = messages.at(-1);
    expect(done).toMatchObject({
      type: 'done',
      outcome: { ok: true, summary: { periodsFailed: DAYS.length } },
    });
    const received = stub.received();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stub.received()).toBe(received);
    if (done?.type === 'done' && done.outcome.ok) expect(done.outcome.summary.requestsMade).toBe(received);
  });

  it('a page of the list of dates that fails ends the sync once the other pages are back: none is sent after done', async () => {
    stub = await startRankingStub(undefined, undefined, { size: 2, missingAt: 2 });
    const messages = await run(stub, 1);
    const done = messages.at(-1);
    expect(done).toMatchObject({ type: 'done', outcome: { ok: false, error: { code: 'not_found' } } });
    const received = stub.received();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stub.received()).toBe(received);
    if (done?.type === 'done' && !done.outcome.ok) expect(done.outcome.requestsMade).toBe(received);
  });
});
