import type { Clock } from '../../electron/engine/soundcharts/clock';

/** Time that passes only when the code under test sleeps: retries and pauses run instantly, and are recorded. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private time = Date.UTC(2025, 7, 23, 12)) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
  }

  advance(ms: number): void {
    this.time += ms;
  }

  set(ms: number): void {
    this.time = ms;
  }

  /** The clock as a plain function, for services that take `() => number`. */
  readonly nowFn = (): number => this.time;

  get slept(): number {
    return this.sleeps.reduce((sum, ms) => sum + ms, 0);
  }
}
