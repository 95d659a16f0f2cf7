import type { EmulatedChart, Frequency } from './catalogue';
import { addMonths, dayOf, weekdayOf } from './dates';
import { hashOf, randomFor, type Random } from './random';
import type { SongCatalogue } from './songs';

/**
 * Chart histories, simulated. A chart starts on SIMULATION_EPOCH_DAY and moves one step per period; each step
 * is a pure function of the previous state and (seed, slug, step), so the ranking at any date is reproducible
 * and consecutive rankings agree: oldPosition, positionEvolution, timeOnChart and entryDate follow from the
 * previous step because they are computed from it.
 *
 * Nothing is precomputed: the first request for a chart simulates it up to the requested step, keeping a
 * checkpoint every CHECKPOINT_EVERY steps, so later requests anywhere in its history replay at most that many
 * steps. Rendered snapshots are kept in a small LRU cache.
 *
 * The model: every song has a strength that decays (with momentum and noise); newcomers released recently
 * enter at a random depth; songs that drop out wait in a small pool from which they may re-enter.
 */

export const SIMULATION_EPOCH_DAY = dayOf('2022-01-01');
/** How far back `available-rankings` goes: two years. */
export const HISTORY_DAYS = 730;
const CHECKPOINT_EVERY = 32;
const SNAPSHOT_CACHE_SIZE = 256;
const FRIDAY = 5;
/** Newcomers are picked among songs released this many days before the step. */
const RELEASE_WINDOW_DAYS = 60;
/** How many newcomer picks may collide with songs already charting before we give up on one. */
const PICK_ATTEMPTS = 8;

type Dynamics = {
  /** Expected newcomers per step, as a share of the chart size. */
  readonly churn: number;
  readonly drift: number;
  readonly volatility: number;
  readonly unit: 'DOC' | 'WOC' | 'MOC';
  /** Metric of the #1 relative to a daily worldwide chart. */
  readonly metricScale: number;
};

const DYNAMICS: Readonly<Record<Frequency, Dynamics>> = {
  daily: { churn: 0.025, drift: 0.012, volatility: 0.05, unit: 'DOC', metricScale: 1 },
  weekly: { churn: 0.08, drift: 0.05, volatility: 0.1, unit: 'WOC', metricScale: 7 },
  monthly: { churn: 0.2, drift: 0.15, volatility: 0.2, unit: 'MOC', metricScale: 30 },
};

/** The #1's metric on a daily worldwide chart, per metric type; country charts get a fraction of it. */
const TOP_METRIC: Readonly<Record<string, number>> = {
  streamcount: 8_000_000,
  viewcount: 5_000_000,
  shazamcount: 60_000,
  spincount: 12_000,
  playcount: 900_000,
  videocount: 250_000,
};
const COUNTRY_METRIC_SHARE = 0.08;
/** metric(position) = top × position^-METRIC_EXPONENT: #200 of a daily chart gets about 12 % of #1. */
const METRIC_EXPONENT = 0.4;

type Track = { song: number; first: number; count: number; strength: number; momentum: number };
type State = { step: number; ranked: Track[]; pool: Track[] };

/** One ranking, as columns; entry i is position i + 1. */
export type Snapshot = {
  readonly step: number;
  readonly day: number;
  readonly songs: Int32Array;
  readonly oldPositions: Int32Array;
  readonly timeOnChart: Int32Array;
  readonly entryDays: Int32Array;
  readonly metrics: Float64Array | null;
  readonly unit: string;
};

export class ChartHistory {
  private readonly dynamics: Dynamics;
  private readonly size: number;
  private readonly firstDay: number;
  private readonly checkpoints: State[] = [];

  constructor(
    readonly chart: EmulatedChart,
    private readonly seed: number,
    private readonly songs: SongCatalogue,
    private readonly cache: SnapshotCache,
  ) {
    this.dynamics = DYNAMICS[chart.frequency];
    this.size = chart.maxResultsCount;
    this.firstDay =
      chart.frequency === 'weekly'
        ? SIMULATION_EPOCH_DAY + ((FRIDAY - weekdayOf(SIMULATION_EPOCH_DAY) + 7) % 7)
        : SIMULATION_EPOCH_DAY;
  }

  dayOfStep(step: number): number {
    if (this.chart.frequency === 'daily') return this.firstDay + step;
    if (this.chart.frequency === 'weekly') return this.firstDay + 7 * step;
    return addMonths(this.firstDay, step);
  }

  /** The last step dated on or before `day`, or null when the chart had not started. */
  lastStepOnOrBefore(day: number): number | null {
    if (day < this.firstDay) return null;
    if (this.chart.frequency === 'daily') return day - this.firstDay;
    if (this.chart.frequency === 'weekly') return Math.floor((day - this.firstDay) / 7);
    const from = new Date(this.firstDay * 86_400_000);
    const to = new Date(day * 86_400_000);
    return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  }

  /** The step dated exactly `day`, if there is one. */
  stepOn(day: number): number | null {
    const step = this.lastStepOnOrBefore(day);
    return step !== null && this.dayOfStep(step) === day ? step : null;
  }

  /** Steps inside the two-year window ending `today`, newest first. */
  availableSteps(today: number): number[] {
    const last = this.lastStepOnOrBefore(today);
    if (last === null) return [];
    const steps: number[] = [];
    for (let step = last; this.isAvailable(step, today); step -= 1) steps.push(step);
    return steps;
  }

  isAvailable(step: number, today: number): boolean {
    const day = this.dayOfStep(step);
    return step >= 0 && day <= today && day > today - HISTORY_DAYS;
  }

  snapshot(step: number): Snapshot {
    const key = `${this.chart.slug}#${step}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    let snapshot: Snapshot;
    if (step === 0) {
      snapshot = this.capture(this.initialState(), new Map());
    } else {
      const state = this.stateAt(step - 1);
      snapshot = this.capture(state, this.advance(state, step));
    }
    this.cache.set(key, snapshot);
    return snapshot;
  }

  private stateAt(step: number): State {
    const index = Math.floor(step / CHECKPOINT_EVERY);
    if (this.checkpoints.length === 0) this.checkpoints.push(this.initialState());
    while (this.checkpoints.length <= index) {
      const last = this.checkpoints.length - 1;
      const state = clone(this.checkpoints[last] as State);
      for (let next = state.step + 1; next <= (last + 1) * CHECKPOINT_EVERY; next += 1)
        this.advance(state, next);
      this.checkpoints.push(clone(state));
    }
    const state = clone(this.checkpoints[index] as State);
    for (let next = state.step + 1; next <= step; next += 1) this.advance(state, next);
    return state;
  }

  private initialState(): State {
    const random = this.randomAt(0);
    const day = this.dayOfStep(0);
    const taken = new Set<number>();
    const ranked: Track[] = [];
    for (let i = 0; i < this.size; i += 1) {
      const song = this.pickSong(random, day - 365, day, taken);
      if (song === null) continue;
      ranked.push({
        song,
        first: 0,
        count: 1,
        strength: (i + 1) ** -0.7 * (0.95 + 0.1 * random()),
        momentum: 0,
      });
    }
    ranked.sort(byStrength);
    return { step: 0, ranked, pool: [] };
  }

  /** Moves `state` (at step − 1) to `step`, in place; returns the positions the songs had at step − 1. */
  private advance(state: State, step: number): Map<number, number> {
    const random = this.randomAt(step);
    const { drift, volatility, churn } = this.dynamics;
    const day = this.dayOfStep(step);
    const previous = new Map(state.ranked.map((track, index) => [track.song, index + 1]));

    for (const track of state.ranked) {
      track.momentum = 0.85 * track.momentum + (random() - 0.5) * volatility * 0.5;
      track.strength *= Math.exp(track.momentum - drift + (random() - 0.5) * volatility);
    }
    for (const track of state.pool) {
      const comeback = random() < 0.01 ? Math.log(1.6) : 0;
      track.strength *= Math.exp(comeback - 2 * drift + (random() - 0.5) * volatility);
    }

    const taken = new Set([...state.ranked, ...state.pool].map((track) => track.song));
    const newcomers = Math.floor(2 * churn * this.size * random() + random());
    const candidates = [...state.ranked, ...state.pool];
    for (let i = 0; i < newcomers; i += 1) {
      const song = this.pickSong(random, day - RELEASE_WINDOW_DAYS, day, taken);
      if (song === null) continue;
      const depth = random() < 0.05 ? random() * 0.05 : 0.15 + 0.85 * Math.sqrt(random());
      const anchor = state.ranked[Math.min(state.ranked.length - 1, Math.floor(depth * this.size))];
      const climber = random() < 0.4;
      candidates.push({
        song,
        first: step,
        count: 0,
        strength: (anchor?.strength ?? 1) * (1.01 + 0.05 * random()),
        momentum: climber ? 0.02 + 0.06 * random() : -0.02 - 0.08 * random(),
      });
    }

    candidates.sort(byStrength);
    state.ranked = candidates.slice(0, this.size);
    state.pool = candidates.slice(this.size, this.size + Math.ceil(this.size / 2));
    for (const track of state.ranked) {
      if (track.count === 0) track.first = step;
      track.count += 1;
    }
    const scale = 1 / (state.ranked[0]?.strength ?? 1);
    for (const track of candidates) track.strength *= scale;
    state.step = step;
    return previous;
  }

  private capture(state: State, previous: ReadonlyMap<number, number>): Snapshot {
    const count = state.ranked.length;
    const songs = new Int32Array(count);
    const oldPositions = new Int32Array(count);
    const timeOnChart = new Int32Array(count);
    const entryDays = new Int32Array(count);
    state.ranked.forEach((track, index) => {
      songs[index] = track.song;
      oldPositions[index] = previous.get(track.song) ?? 0;
      timeOnChart[index] = track.count;
      entryDays[index] = this.dayOfStep(track.first);
    });
    return {
      step: state.step,
      day: this.dayOfStep(state.step),
      songs,
      oldPositions,
      timeOnChart,
      entryDays,
      metrics: this.metricsAt(state.step, count),
      unit: this.dynamics.unit,
    };
  }

  /** Decreasing with position, like streams are, with a little day-to-day noise. */
  private metricsAt(step: number, count: number): Float64Array | null {
    const metric = this.chart.metric;
    if (metric === null) return null;
    const random = randomFor(this.seed, 'metric', this.chart.slug, step);
    const share = this.chart.countryCode === '' ? 1 : COUNTRY_METRIC_SHARE;
    const top =
      (TOP_METRIC[metric.type] ?? 100_000) * share * this.dynamics.metricScale * (0.9 + 0.2 * random());
    const metrics = new Float64Array(count);
    let ceiling = Number.POSITIVE_INFINITY;
    for (let i = 0; i < count; i += 1) {
      const value = Math.round(top * (i + 1) ** -METRIC_EXPONENT * (0.985 + 0.03 * random()));
      const bounded = Math.max(1, Math.min(value, ceiling - 1));
      metrics[i] = bounded;
      ceiling = bounded;
    }
    return metrics;
  }

  private pickSong(random: Random, fromDay: number, toDay: number, taken: Set<number>): number | null {
    const { first, last } = this.songs.releasedBetween(fromDay, toDay);
    if (last < first) return null;
    for (let attempt = 0; attempt < PICK_ATTEMPTS; attempt += 1) {
      // Recent releases are likelier to chart.
      const song = last - Math.floor((last - first + 1) * random() ** 2);
      if (!taken.has(song)) {
        taken.add(song);
        return song;
      }
    }
    return null;
  }

  private randomAt(step: number): Random {
    return randomFor(this.seed, 'chart-step', this.chart.slug, step);
  }
}

function byStrength(a: Track, b: Track): number {
  return b.strength - a.strength || a.song - b.song;
}

function clone(state: State): State {
  return {
    step: state.step,
    ranked: state.ranked.map((track) => ({ ...track })),
    pool: state.pool.map((track) => ({ ...track })),
  };
}

/** Least-recently-used snapshots, shared by every chart of one emulator. */
export class SnapshotCache {
  private readonly entries = new Map<string, Snapshot>();

  constructor(private readonly capacity = SNAPSHOT_CACHE_SIZE) {}

  get(key: string): Snapshot | undefined {
    const snapshot = this.entries.get(key);
    if (snapshot) {
      this.entries.delete(key);
      this.entries.set(key, snapshot);
    }
    return snapshot;
  }

  set(key: string, snapshot: Snapshot): void {
    this.entries.set(key, snapshot);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

/** Histories of all charts of one emulator, created on first use. */
export class Rankings {
  private readonly histories = new Map<string, ChartHistory>();
  private readonly cache = new SnapshotCache();

  constructor(
    private readonly seed: number,
    private readonly songs: SongCatalogue,
  ) {}

  of(chart: EmulatedChart): ChartHistory {
    let history = this.histories.get(chart.slug);
    if (!history) {
      history = new ChartHistory(chart, hashOf(this.seed, 'rankings'), this.songs, this.cache);
      this.histories.set(chart.slug, history);
    }
    return history;
  }
}
