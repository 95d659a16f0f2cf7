import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { ExportDataset, ExportFormat } from '../../../shared/domain/export-kinds';
import { EXPORT_PROGRESS_INTERVAL_MS } from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import type { exportStartInput } from '../../../shared/schemas/export-input';
import type { ExportFilters, ExportPage, ExportView } from '../../../shared/views/export';
import { currentActor } from '../audit/actor';
import type { AppDatabase } from '../db/open-database';
import { findChartByReference } from '../db/queries/charts';
import type { EventBus } from '../events';
import type { Now } from '../schedules/schedule-service';
import type { Row } from './columns';
import { defaultFileName, resolveDestination, type FileDestination } from './destination';
import { ExportStore, toExportView } from './export-store';
import { audienceReader } from './read-audience';
import { executionsReader } from './read-executions';
import { rankingsReader } from './read-rankings';
import type { ReaderFactory, ReadScope } from './read-scope';
import { songsReader } from './read-songs';
import { Sink } from './sink';
import { ReadSnapshot } from './snapshot';
import { createWriter } from './writers';

export type ExportStartInput = z.output<typeof exportStartInput>;

/**
 * The export runs on the engine's thread, its reads on a connection of its own, and gives the event loop back
 * between chunks: at most this many rows, and no longer than EXPORT_SLICE_MS of work, so the host keeps
 * answering the UI, REST and the sync's commits while a million rows go out (bench/export-rankings.bench.ts
 * measures the event loop's delay). A worker thread would need its own connection, a second bundled entry and
 * a transfer of every chunk back for the REST stream; chunks on the main thread cost less and keep one path.
 */
export const EXPORT_CHUNK_ROWS = 1_000;
export const EXPORT_SLICE_MS = 10;

/**
 * A running export writes its progress to its record this often (a heartbeat); one silent for EXPORT_STALE_MS
 * belonged to a process that was killed or crashed: it is marked failed and its temporary file removed.
 */
export const EXPORT_HEARTBEAT_MS = 5_000;
export const EXPORT_STALE_MS = 60_000;

/** Where the REST API streams an export: recorded with this destination. */
export const REST_DESTINATION = 'rest';

const READERS: Record<Exclude<ExportDataset, 'backup'>, ReaderFactory> = {
  rankings: rankingsReader,
  songs: songsReader,
  audience: audienceReader,
  executions: executionsReader,
};

export const CONTENT_TYPES: Record<ExportFormat | 'backup', string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  tsv: 'text/tab-separated-values; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ndjson: 'application/x-ndjson; charset=utf-8',
  backup: 'application/vnd.sqlite3',
};

type Job = {
  id: number;
  dataset: ExportDataset;
  format: ExportFormat | null;
  scope: ReadScope;
  bom: boolean;
  controller: AbortController;
  rows: number;
  bytes: number;
  totalRows: number | null;
  /** The dataset's watermark in the snapshot read, recorded when the export completes. */
  watermark: number | null;
  lastProgressAt: number;
  lastHeartbeatAt: number;
  /** Says the export is alive every EXPORT_HEARTBEAT_MS, also while it waits for a slow destination. */
  heartbeat: ReturnType<typeof setInterval> | null;
  done: Promise<ExportView>;
};

export type ExportServiceOptions = {
  database: AppDatabase;
  events: EventBus;
  now: Now;
  report(error: unknown): void;
};

/** A streamed export (REST): what to tell the client before the first byte, and how to run it. */
export type StreamedExport = {
  view: ExportView;
  fileName: string;
  contentType: string;
  /** Writes the file to `destination`; resolves with the export as recorded once it ended, however it ended. */
  run(destination: Writable): Promise<ExportView>;
  /** The client went away: stop, recorded as cancelled. */
  cancel(): void;
};

/**
 * Every export: to a file (in the background, from the UI, the CLI or REST) or streamed to an HTTP client.
 * Each is recorded in data_exports (who, what, filters, rows, bytes, the file, how it ended), announced with
 * 'export/updated' when it starts and ends and 'export/progress' at most every EXPORT_PROGRESS_INTERVAL_MS
 * while it runs. A file is written under a temporary name beside the target and renamed only once complete;
 * a cancelled or failed export removes it, so the target name never holds half a file.
 */
export class ExportService {
  private readonly store: ExportStore;
  private readonly jobs = new Map<number, Job>();
  private closing = false;

  constructor(private readonly options: ExportServiceOptions) {
    this.store = new ExportStore(options.database.sqlite);
  }

  /** Starts an export to a file and answers at once with it running; `finished(id)` waits for its end. */
  start(input: ExportStartInput): ExportView {
    const at = this.options.now();
    const destination = resolveDestination({
      out: input.out,
      databaseFile: this.options.database.file,
      dataset: input.dataset,
      format: input.format ?? null,
      at,
      // Two exports started in the same second would otherwise both pick the same default name.
      taken: (file) => this.store.runningTo(file),
    });
    const job = this.open(input, destination.file, destination, at);
    job.done = this.runToFile(job, destination);
    return this.get(job.id);
  }

  /** Prepares an export streamed to an HTTP client (recorded with destination 'rest'). */
  prepareStream(input: ExportStartInput): StreamedExport {
    if (input.dataset === 'backup') {
      throw new ChartSyncError(
        'invalid_input',
        'A backup is written to a file: start it with POST /api/exports/ and download it from GET /api/exports/{id}/file.',
        { fields: { dataset: 'A backup cannot be streamed.' } },
      );
    }
    const at = this.options.now();
    const job = this.open(input, REST_DESTINATION, null, at);
    let release: (view: ExportView) => void = () => {};
    job.done = new Promise((resolve) => (release = resolve));
    return {
      view: this.get(job.id),
      fileName: defaultFileName(input.dataset, input.format ?? null, at),
      contentType: CONTENT_TYPES[input.format ?? 'backup'],
      run: (destination) => {
        const done = this.runToStream(job, destination);
        void done.then(release);
        return done;
      },
      cancel: () => job.controller.abort(),
    };
  }

  list(limit: number, offset: number): ExportPage {
    this.reapStale();
    const { rows, total } = this.store.page(limit, offset);
    return { items: rows.map((row) => this.view(row)), total, limit, offset };
  }

  get(id: number): ExportView {
    this.reapStale();
    return this.view(this.store.get(id));
  }

  /** Resolves when the export has ended (at once for one that already has). */
  finished(id: number): Promise<ExportView> {
    const job = this.jobs.get(id);
    return job ? job.done : Promise.resolve(this.get(id));
  }

  /** Stops a running export (its file is removed) and answers it cancelled; one that ended cannot be. */
  async cancel(id: number): Promise<ExportView> {
    const job = this.jobs.get(id);
    if (!job) {
      const view = this.get(id);
      throw new ChartSyncError(
        'invalid_state',
        view.status === 'running'
          ? `Export ${id} is running in another Chart Sync process; cancel it there.`
          : `Export ${id} already ended (${view.status}); there is nothing to cancel.`,
      );
    }
    job.controller.abort();
    return job.done;
  }

  /** The file of a completed export, for a download. */
  fileOf(id: number): { file: string; name: string; size: number; contentType: string } {
    const view = this.get(id);
    if (view.status !== 'completed' || view.destination === REST_DESTINATION) {
      throw new ChartSyncError(
        view.status === 'completed' ? 'not_found' : 'invalid_state',
        view.status === 'completed'
          ? `Export ${id} was streamed to an HTTP client: it has no file to download.`
          : `Export ${id} is ${view.status}: only a completed export has a file to download.`,
      );
    }
    if (!existsSync(view.destination)) {
      throw new ChartSyncError(
        'not_found',
        `The file of export ${id} (${view.destination}) is no longer there: it was moved or deleted.`,
      );
    }
    return {
      file: view.destination,
      name: basename(view.destination),
      size: statSync(view.destination).size,
      contentType: CONTENT_TYPES[view.format ?? 'backup'],
    };
  }

  /**
   * Cancels what runs (their temporary files removed) and waits for it: the engine is closing. Each export stopped
   * so says why, in its history, rather than "Cancelled." as if the operator had cancelled it.
   */
  async close(reason: CloseReason = 'shutdown'): Promise<void> {
    this.closing = true;
    const running = [...this.jobs.values()];
    for (const job of running) job.controller.abort(new StoppedByClose(STOPPED_BY[reason]));
    await Promise.all(running.map((job) => job.done));
  }

  private view(row: Parameters<typeof toExportView>[0]): ExportView {
    const job = this.jobs.get(row.id);
    if (job) return { ...toExportView(row, job.totalRows), rows: job.rows, bytes: job.bytes };
    return toExportView(row, row.status === 'completed' && row.format !== null ? row.rows : null);
  }

  /** Checks the filters, records the export as running and announces it. */
  private open(input: ExportStartInput, destination: string, file: FileDestination | null, at: number): Job {
    if (this.closing) {
      throw new ChartSyncError(
        'invalid_state',
        'Chart Sync is stopping: start the export again once it runs.',
      );
    }
    const backup = input.dataset === 'backup';
    if (backup) refuseFiltersOnBackup(input);
    const scope: ReadScope = {
      chartIds: backup ? [] : this.chartIds(input),
      from: input.from ?? null,
      to: input.to ?? null,
      after: input.sinceLast
        ? this.store.lastWatermark(input.dataset, destination, file?.defaultFolder ?? null)
        : null,
    };
    const filters: ExportFilters = {
      charts: input.charts,
      from: scope.from,
      to: scope.to,
      sinceLast: input.sinceLast,
      bom: input.bom,
    };
    const id = this.store.insert({
      dataset: input.dataset,
      format: input.format ?? null,
      filters,
      destination,
      actor: currentActor(),
      at,
    });
    const job: Job = {
      id,
      dataset: input.dataset,
      format: input.format ?? null,
      scope,
      bom: input.bom,
      controller: new AbortController(),
      rows: 0,
      bytes: 0,
      totalRows: null,
      watermark: null,
      lastProgressAt: 0,
      lastHeartbeatAt: performance.now(),
      heartbeat: null,
      done: Promise.resolve(null as never),
    };
    job.heartbeat = setInterval(() => {
      job.lastHeartbeatAt = performance.now();
      try {
        this.store.heartbeat(job.id, job.rows, job.bytes, this.options.now());
      } catch (error) {
        this.options.report(error);
      }
    }, EXPORT_HEARTBEAT_MS);
    job.heartbeat.unref();
    this.jobs.set(id, job);
    this.options.events.emit('export/updated', this.get(id));
    return job;
  }

  /** Named charts by id or slug; none named: every scheduled chart (executions: every execution). */
  private chartIds(input: ExportStartInput): number[] | null {
    if (input.charts.length === 0) {
      if (input.dataset === 'executions') return null;
      return this.options.database.sqlite
        .prepare('SELECT chart_id FROM chart_sync_schedules ORDER BY chart_id')
        .pluck()
        .all() as number[];
    }
    const ids = new Set<number>();
    const unknown: string[] = [];
    for (const reference of input.charts) {
      const chart = findChartByReference(this.options.database, reference);
      if (chart) ids.add(chart.id);
      else unknown.push(reference);
    }
    if (unknown.length > 0) {
      const message = `No chart ${unknown.map((r) => JSON.stringify(r)).join(', ')} in the local catalogue: name charts by id or slug.`;
      throw new ChartSyncError('not_found', message, { fields: { charts: message } });
    }
    return [...ids];
  }

  private async runToFile(job: Job, destination: FileDestination): Promise<ExportView> {
    try {
      if (destination.defaultFolder !== null) mkdirSync(destination.defaultFolder, { recursive: true });
      if (job.dataset === 'backup') {
        await this.backup(job, destination.temp);
      } else {
        const stream = createWriteStream(destination.temp, { flags: 'wx' });
        const closed = once(stream, 'close');
        try {
          await this.writeRows(job, stream);
        } finally {
          stream.destroy();
          await closed.catch(() => {});
        }
      }
      job.controller.signal.throwIfAborted();
      job.bytes = statSync(destination.temp).size;
      // Only now does the file appear under its name, whole.
      renameSync(destination.temp, destination.file);
      return this.end(job, null);
    } catch (error) {
      rmSync(destination.temp, { force: true });
      return this.end(job, error);
    }
  }

  private async runToStream(job: Job, destination: Writable): Promise<ExportView> {
    try {
      await this.writeRows(job, destination);
      return this.end(job, null);
    } catch (error) {
      if (!destination.writableFinished) destination.destroy();
      return this.end(job, error);
    }
  }

  /** Reads the dataset in one snapshot and writes it chunk by chunk, yielding between chunks. */
  private async writeRows(job: Job, destination: Writable): Promise<void> {
    const signal = job.controller.signal;
    const snapshot = new ReadSnapshot(this.options.database.file);
    const sink = new Sink(destination);
    try {
      const reader = READERS[job.dataset as Exclude<ExportDataset, 'backup'>](snapshot.connection, job.scope);
      job.totalRows = reader.count();
      const watermark = reader.watermark();
      const writer = createWriter(job.format!, reader.columns, sink, {
        bom: job.bom,
        sheetName: job.dataset,
      });
      let chunk: Row[] = [];
      let sliceStart = performance.now();
      for (const row of reader.rows()) {
        chunk.push(row);
        // The clock is read every 50 rows: often enough to bound a slice, rarely enough to cost nothing.
        if (
          chunk.length < EXPORT_CHUNK_ROWS &&
          (chunk.length % 50 !== 0 || performance.now() - sliceStart < EXPORT_SLICE_MS)
        ) {
          continue;
        }
        await writer.write(chunk);
        job.rows += chunk.length;
        job.bytes = sink.bytes;
        chunk = [];
        this.progress(job);
        await yieldToEventLoop();
        signal.throwIfAborted();
        sliceStart = performance.now();
      }
      await writer.write(chunk);
      job.rows += chunk.length;
      signal.throwIfAborted();
      await writer.end();
      await sink.end();
      job.bytes = sink.bytes;
      this.progress(job, true);
      job.watermark = watermark;
    } catch (error) {
      sink.abandon();
      throw error;
    } finally {
      snapshot.close();
    }
  }

  /**
   * SQLite's backup API on the engine's own connection, a hundred pages per step between yields: a write the
   * engine commits meanwhile goes into the copy too, so the copy is the database as it is when the last step
   * ends, never a mix. Cancelling stops it between steps.
   */
  private async backup(job: Job, temp: string): Promise<void> {
    const signal = job.controller.signal;
    await this.options.database.sqlite.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        signal.throwIfAborted();
        job.totalRows = null;
        job.bytes = (totalPages - remainingPages) * this.pageSize();
        this.progress(job);
        return 100;
      },
    });
    signal.throwIfAborted();
  }

  private pageSize(): number {
    return this.options.database.sqlite.pragma('page_size', { simple: true }) as number;
  }

  /**
   * Exports left running by a process that is gone (killed, crashed, the machine restarted): marked failed,
   * and the temporary file each left beside its target removed. Live ones, here or in another process, keep
   * their heartbeat fresh.
   */
  private reapStale(): void {
    const now = this.options.now();
    const gone = new Set<string>();
    const reaped: number[] = [];
    for (const { id, destination } of this.store.stale(now - EXPORT_STALE_MS)) {
      if (this.jobs.has(id)) continue;
      reaped.push(id);
      this.store.finish(id, {
        status: 'failed',
        rows: 0,
        bytes: 0,
        watermark: null,
        error: 'Interrupted: the Chart Sync process running this export stopped before it ended.',
        at: now,
      });
      if (destination !== REST_DESTINATION) gone.add(destination);
    }
    // A live export to the same file (the command run again after a kill) writes a temporary file of the same
    // pattern, written to as it runs: while one runs, only the files untouched for EXPORT_STALE_MS go.
    for (const destination of gone) {
      const live = this.store.runningTo(destination);
      removeTemporaryFiles(destination, live ? Date.now() - EXPORT_STALE_MS : null);
    }
    // Whoever shows it running (another window, the other process's list) learns that it ended.
    for (const id of reaped) this.options.events.emit('export/updated', this.view(this.store.get(id)));
  }

  private progress(job: Job, force = false): void {
    const now = performance.now();
    if (now - job.lastHeartbeatAt >= EXPORT_HEARTBEAT_MS) {
      job.lastHeartbeatAt = now;
      this.store.heartbeat(job.id, job.rows, job.bytes, this.options.now());
    }
    if (!force && now - job.lastProgressAt < EXPORT_PROGRESS_INTERVAL_MS) return;
    job.lastProgressAt = now;
    this.options.events.emit('export/progress', {
      id: job.id,
      rows: job.rows,
      bytes: job.bytes,
      totalRows: job.totalRows,
    });
  }

  /** Records how the export ended and announces it; never throws (the export's caller is not waiting). */
  private end(job: Job, error: unknown): ExportView {
    if (job.heartbeat) clearInterval(job.heartbeat);
    const cancelled = error !== null && job.controller.signal.aborted;
    if (error !== null && !cancelled && !(error instanceof ChartSyncError)) this.options.report(error);
    try {
      this.store.finish(job.id, {
        status: error === null ? 'completed' : cancelled ? 'cancelled' : 'failed',
        rows: job.rows,
        bytes: error === null ? job.bytes : 0,
        watermark: error === null ? job.watermark : null,
        error: error === null ? null : cancelled ? stopReasonOf(job.controller.signal) : describe(error),
        at: this.options.now(),
      });
    } catch (recordError) {
      this.options.report(recordError);
    }
    this.jobs.delete(job.id);
    const view = this.get(job.id);
    this.options.events.emit('export/updated', view);
    return view;
  }
}

function refuseFiltersOnBackup(input: ExportStartInput): void {
  const fields: Record<string, string> = {};
  const problem = 'A backup is the whole database: it takes no filters.';
  if (input.charts.length > 0) fields.charts = problem;
  if (input.from !== undefined) fields.from = problem;
  if (input.to !== undefined) fields.to = problem;
  if (input.sinceLast) fields.sinceLast = problem;
  if (input.bom) fields.bom = 'A backup is a SQLite file: it has no byte-order mark.';
  const names = Object.keys(fields);
  if (names.length > 0) {
    throw new ChartSyncError('invalid_input', `${names.join(', ')}: ${problem}`, { fields });
  }
}

/**
 * The `.<name>.<random>.partial` files an export to `file` may have left (see destination.ts); with
 * `modifiedBefore` (epoch ms, the file system's clock), only those last written before it.
 */
function removeTemporaryFiles(file: string, modifiedBefore: number | null): void {
  const folder = dirname(file);
  const prefix = `.${basename(file)}.`;
  try {
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(prefix) || !name.endsWith('.partial')) continue;
      const path = join(folder, name);
      const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (modifiedBefore !== null && modified >= modifiedBefore) continue;
      rmSync(path, { force: true });
    }
  } catch {
    // The folder is gone: nothing left to remove.
  }
}

function describe(error: unknown): string {
  if (error instanceof ChartSyncError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `The export failed: ${message}`;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Why a closing engine stops the exports that run. */
export type CloseReason = 'shutdown' | 'reconnect';

const STOPPED_BY: Record<CloseReason, string> = {
  shutdown: 'Stopped: Chart Sync closed while it ran. Export again.',
  reconnect:
    'Stopped: the Soundcharts connection changed (credentials or API URL saved) while it ran. Export again.',
};

/** The abort reason of an export stopped by the engine closing, as opposed to the operator's cancel. */
class StoppedByClose extends Error {}

function stopReasonOf(signal: AbortSignal): string {
  return signal.reason instanceof StoppedByClose ? signal.reason.message : 'Cancelled.';
}
