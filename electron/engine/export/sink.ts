import { once } from 'node:events';
import { Transform, type Writable } from 'node:stream';

/**
 * Where a writer's bytes go (the temporary file, or an HTTP response), counted and with backpressure: `write`
 * resolves when the destination can take more, and rejects once the destination failed or was closed (a
 * client that went away). `stream` is the counting front a library (exceljs) may write to directly.
 */
export class Sink {
  bytes = 0;
  readonly stream: Transform;
  private failure: Error | null = null;
  private readonly settled: Promise<void>;

  constructor(readonly destination: Writable) {
    this.stream = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.bytes += chunk.length;
        done(null, chunk);
      },
    });
    this.stream.pipe(destination);
    this.settled = new Promise<void>((resolve) => {
      const fail = (error: Error) => {
        this.failure ??= error;
        // Wake a writer waiting for 'drain' that will never come.
        this.stream.emit('drain');
        resolve();
      };
      destination.once('error', fail);
      this.stream.once('error', fail);
      destination.once('close', () => {
        if (!destination.writableFinished) fail(new Error('The destination closed before the export ended.'));
        resolve();
      });
      destination.once('finish', () => resolve());
    });
  }

  async write(chunk: string | Buffer): Promise<void> {
    this.check();
    if (!this.stream.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)) {
      await this.drained();
    }
  }

  /** Waits while the destination is behind (also for bytes a library wrote straight to `stream`). */
  async drained(): Promise<void> {
    this.check();
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
    this.check();
  }

  /** Ends the stream and waits until the destination has every byte. */
  async end(): Promise<void> {
    this.check();
    // A library may have ended it already (exceljs does when it commits the workbook).
    if (!this.stream.writableEnded) this.stream.end();
    await this.settled;
    this.check();
  }

  /** The export stopped: let go of the destination without finishing it. */
  abandon(): void {
    this.failure ??= new Error('abandoned');
    this.stream.unpipe(this.destination);
    this.stream.destroy();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
