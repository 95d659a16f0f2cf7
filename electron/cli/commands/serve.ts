import { withoutUrlCredentials } from '../../../shared/domain/url-credentials';
import { constants } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SERVE_BACKGROUND_START_MAX_WAIT_MS } from '../../../shared/domain/policies';
import { ChartSyncError } from '../../../shared/errors';
import {
  DEFAULT_RENDERER_DIR,
  DEFAULT_SERVER_PORT,
  LOOPBACK_HOST,
  RendererMissingError,
  ensureRendererBuilt,
  startServer,
  type RunningServer,
} from '../../engine/server';
import { ENV } from '../../engine/config/app-config';
import { openEngine } from '../open-engine';
import { note, print } from '../output';
import { logExecutions } from '../run-syncs';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];
/**
 * One Ctrl-C under `npm run` arrives more than once (the terminal signals the whole process group and npm
 * forwards its own copy): repeats this close together are the same keypress, not a request to hurry.
 */
const REPEATED_SIGNAL_MS = 500;

export const STOPPING_NOTICE = 'Stopping: finishing the period in flight…';
export const STOPPED_NOTICE = 'Stopped: the database is closed.';

/**
 * `chart-sync serve`: the headless host. The engine and its scheduler run as in the desktop app; the UI, the
 * contract's WebSocket and the original's REST API are served on 127.0.0.1 behind a per-start token, until
 * SIGINT/SIGTERM, which lets the period in flight finish and closes the database.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'run the engine with its scheduler, and serve the UI, WebSocket and REST API on 127.0.0.1 until Ctrl-C',
    )
    .addOption(
      new Option('--port <n>', 'port on 127.0.0.1 (0 = any free port)')
        .default(DEFAULT_SERVER_PORT)
        .env(ENV.port)
        .argParser(portNumber),
    )
    .addOption(
      new Option('--renderer-dir <path>', 'folder of the built UI (default: out/renderer, built if missing)'),
    )
    .action(async (options: { port: number; rendererDir?: string }, command: Command) => {
      const stop = watchStopSignals();
      try {
        await serve(
          command,
          options.port,
          resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR),
          stop.requested,
        );
      } finally {
        stop.dispose();
      }
    });
}

async function serve(command: Command, port: number, rendererDir: string, stopRequested: Promise<unknown>) {
  try {
    await ensureRendererBuilt(rendererDir, { onBuild: () => note('Building the UI first (npm run build)…') });
  } catch (error) {
    if (error instanceof RendererMissingError) throw new ChartSyncError('invalid_input', error.message);
    throw error;
  }
  const hosted = await openEngine(command);
  let server: RunningServer | null = null;
  try {
    // The server first: a port in use fails before any sync starts.
    server = await startServer({
      // The port, not the engine: saving credentials in the page replaces the engine, never the server.
      engine: hosted.port,
      port,
      rendererDir,
      onInternalError: (error, where) =>
        note(
          `chart-sync: ${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
    }).catch((error: unknown) => {
      throw explainListenError(error, port);
    });
    // The first call (the page, a REST client) is answered before the background work starts: that work only
    // loads what the answer does not need (got, the first pass, retention…) and would make it wait.
    const answered = server.firstAnswered;
    hosted.engine.startScheduler(
      Promise.race([answered, delay(SERVE_BACKGROUND_START_MAX_WAIT_MS, undefined, { ref: false })]),
    );
  } catch (error) {
    await server?.close();
    await hosted.close();
    throw error;
  }
  let stopLog = logExecutions(hosted.engine);
  const stopFollowing = hosted.onReconnect(({ demo, apiUrl }) => {
    stopLog();
    stopLog = logExecutions(hosted.engine);
    const shown = withoutUrlCredentials(apiUrl);
    note(demo ? `Reconnected: demo mode (${shown}).` : `Reconnected to ${shown}.`);
  });
  print(`Chart Sync is running at ${server.url}`);
  note(
    `REST API: http://${LOOPBACK_HOST}:${server.port}/api/sync/ with the header "Authorization: Bearer ${server.token}". Press Ctrl-C to stop.`,
  );
  await stopRequested;
  note(STOPPING_NOTICE);
  stopFollowing();
  stopLog();
  await server.close();
  await hosted.close();
  note(STOPPED_NOTICE);
}

/**
 * The first SIGINT/SIGTERM asks for a clean stop; a later one (the operator will not wait) exits at once with
 * the signal's conventional code. Watched from the start, so a Ctrl-C during start-up also stops cleanly.
 */
function watchStopSignals(): { requested: Promise<StopSignal>; dispose(): void } {
  let first: number | null = null;
  let request: (signal: StopSignal) => void = () => {};
  const requested = new Promise<StopSignal>((resolve) => (request = resolve));
  const onSignal = (signal: StopSignal) => {
    const now = Date.now();
    if (first === null) {
      first = now;
      request(signal);
    } else if (now - first > REPEATED_SIGNAL_MS) {
      note('Stopping at once.');
      process.exit(128 + constants.signals[signal]);
    }
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return {
    requested,
    dispose: () => {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    },
  };
}

function explainListenError(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    return new ChartSyncError(
      'invalid_input',
      `Port ${port} on ${LOOPBACK_HOST} is already in use (another Chart Sync?). Choose another with \`chart-sync serve --port <n>\`, or --port 0 for any free port.`,
    );
  }
  if (code === 'EACCES') {
    return new ChartSyncError(
      'invalid_input',
      `Not allowed to listen on port ${port}; choose a port above 1023.`,
    );
  }
  return error;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 = any free port)');
  }
  return n;
}
