import type { TriggeredFault } from './faults';

/** What the emulator saw, for tests (pages fetched, request rates, retries) and the CLI's verbose log. */

export type RequestRecord = {
  /** Epoch ms when the request arrived. */
  readonly at: number;
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  status: number | null;
  fault: TriggeredFault | 'bad_credentials' | null;
};

/** Enough for any test; a long-running demo must not grow without bound. */
const MAX_RECORDS = 100_000;

export class EmulatorStats {
  private records: RequestRecord[] = [];

  add(record: RequestRecord): void {
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
  }

  get requests(): readonly RequestRecord[] {
    return this.records;
  }

  get total(): number {
    return this.records.length;
  }

  count(predicate: (record: RequestRecord) => boolean = () => true): number {
    return this.records.filter(predicate).length;
  }

  reset(): void {
    this.records = [];
  }
}
