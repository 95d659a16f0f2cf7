import { SongCatalogue } from '../../../electron/emulator/songs';
import type { RunningEmulator } from '../../../electron/emulator';
import { openDatabase, type AppDatabase } from '../../../electron/engine/db/open-database';
import { songs } from '../../../electron/engine/db/schema';
import {
  EnrichmentRunner,
  type EnrichmentClient,
  type EnrichmentRunnerOptions,
} from '../../../electron/engine/enrichment/enrichment-runner';
import { EventBus } from '../../../electron/engine/events';
import type { EngineEvents, EventName } from '../../../shared/contract/events';
import { clientFor, TEST_SEED, TEST_TODAY } from '../../support/emulator';
import { FakeClock } from '../../support/fake-clock';

/** Noon on the emulator's "today", so the engine's UTC date and the emulator's data end on the same day. */
export const NOW = Date.parse(`${TEST_TODAY}T12:00:00Z`);

/** Songs released in 2023: a full year of audience on every platform before TEST_TODAY. */
const FIRST_SONG_INDEX = 30_000;
export const catalogue = new SongCatalogue(TEST_SEED);
export const songUuid = (n: number): string => catalogue.uuidOf(FIRST_SONG_INDEX + n);
export const songUuids = (count: number, from = 0): string[] =>
  Array.from({ length: count }, (_, i) => songUuid(from + i));
/** Well formed, but no song of the emulator's. */
export const UNKNOWN_SONG = '00000000-0000-4000-8000-000000000000';

/** A song as a stored ranking leaves it: light fields, no metadata. */
export function insertSong(
  database: AppDatabase,
  uuid: string,
  metadataFetchedAt: number | null = null,
): void {
  database.db
    .insert(songs)
    .values({ uuid, name: `Song ${uuid.slice(0, 8)}`, creditName: 'Someone', metadataFetchedAt })
    .run();
}

/** Every event of the given names, in order. */
export function recordEvents<K extends EventName>(events: EventBus, ...names: K[]) {
  const seen: { name: K; payload: EngineEvents[K] }[] = [];
  for (const name of names) events.on(name, (payload) => seen.push({ name, payload }));
  return {
    seen,
    of: <N extends K>(name: N) =>
      seen.filter((event) => event.name === name).map((event) => event.payload as EngineEvents[N]),
  };
}

export type Harness = {
  database: AppDatabase;
  events: EventBus;
  clock: FakeClock;
  runner: EnrichmentRunner;
  errors: unknown[];
};

/**
 * A runner on a fresh in-memory database (or `file`), the emulator's client and a clock that moves only when
 * told: backoffs are waited out by advancing it and kicking the runner, never by sleeping.
 */
export function harness(
  emulator: RunningEmulator,
  options: Partial<EnrichmentRunnerOptions> & { file?: string; client?: EnrichmentClient } = {},
): Harness {
  const clock = new FakeClock(NOW);
  const database = options.database ?? openDatabase({ file: options.file ?? ':memory:', now: clock.nowFn });
  const events = options.events ?? new EventBus();
  const errors: unknown[] = [];
  const runner = new EnrichmentRunner({
    client: options.client ?? clientFor(emulator),
    now: clock.nowFn,
    random: () => 0.5,
    onError: (error) => errors.push(error),
    ...options,
    database,
    events,
  });
  return { database, events, clock, runner, errors };
}

/** Wraps a client to measure how many of its calls overlap. */
export function countingClient(inner: EnrichmentClient) {
  let active = 0;
  const stats = { peak: 0, calls: 0 };
  const track = async <T>(call: () => Promise<T>): Promise<T> => {
    active += 1;
    stats.calls += 1;
    stats.peak = Math.max(stats.peak, active);
    try {
      return await call();
    } finally {
      active -= 1;
    }
  };
  const client: EnrichmentClient = {
    songMetadata: (uuid, options) => track(() => inner.songMetadata(uuid, options)),
    songAudience: (uuid, platform, range, options) =>
      track(() => inner.songAudience(uuid, platform, range, options)),
  };
  return { client, stats };
}
