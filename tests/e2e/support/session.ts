import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, onTestFailed } from 'vitest';
import type { RunningEmulator } from '../../../electron/emulator';
import { launchChromium, openPage, SCREENSHOT_DIR, screenshot } from './browser';
import { startE2eEmulator } from './emulator';
import { startServeHost, type ServeHost } from './serve-host';

export type E2eSession = {
  readonly host: ServeHost;
  readonly browser: Browser;
  /** The page opened at the host's address when the file started. */
  readonly page: Page;
  /** The file's own Soundcharts emulator (`withEmulator`), whose faults the tests flip. */
  readonly emulator: RunningEmulator;
};

export type E2eSessionOptions = {
  withEmulator: boolean;
  /** The emulator's remaining quota at start (its default is plenty), for a plan nearly spent from the first request. */
  emulatorQuota?: number;
  /** What every test of the file starts from (e.g. the catalogue discovered), done once after starting. */
  prepare?: (session: E2eSession) => Promise<void>;
  /** Global options of the host (e.g. `--rate-limit 5000`, so a long history syncs in seconds). */
  hostArgs?: readonly string[];
};

/**
 * One host, one browser and one page for a test file (and, `withEmulator`, its own emulator), started before
 * its tests and always stopped after them, even when starting failed halfway.
 *
 * When starting fails (no Chromium, say), every test of the file fails with that reason: none is skipped,
 * which a failing `beforeAll` would do. A failing test leaves a screenshot (`FAILED-…`) and the host's last
 * output, to see what the screen showed.
 */
export function useE2eSession(options: E2eSessionOptions): E2eSession {
  let emulator: RunningEmulator | null = null;
  let host: ServeHost | null = null;
  let browser: Browser | null = null;
  let page: Page | null = null;
  let startError: unknown = null;

  beforeAll(async () => {
    try {
      if (options.withEmulator) emulator = await startE2eEmulator({}, options.emulatorQuota);
      const [startedHost, startedBrowser] = await Promise.allSettled([
        startServeHost({
          ...(emulator ? { apiUrl: emulator.url } : {}),
          ...(options.hostArgs ? { globalArgs: options.hostArgs } : {}),
        }),
        launchChromium(),
      ]);
      if (startedHost.status === 'fulfilled') host = startedHost.value;
      if (startedBrowser.status === 'fulfilled') browser = startedBrowser.value;
      if (startedBrowser.status === 'rejected') throw startedBrowser.reason;
      if (startedHost.status === 'rejected') throw startedHost.reason;
      page = await openPage(browser!, host!.url);
      await options.prepare?.(session);
    } catch (error) {
      startError = error;
    }
  });

  beforeEach(({ task }) => {
    // A failure's screenshot from an earlier run is stale once the test runs again.
    const failedShot = `FAILED-${task.name.replace(/[^\w-]+/g, '-').slice(0, 80)}`;
    rmSync(join(SCREENSHOT_DIR, `${failedShot}.png`), { force: true });
    if (startError !== null) throw startError;
    onTestFailed(async () => {
      if (page && !page.isClosed()) await screenshot(page, failedShot).catch(() => undefined);
      if (host) console.error(`chart-sync serve said, last:\n${host.output().slice(-3_000)}`);
    });
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      try {
        await host?.stop();
      } finally {
        await emulator?.close();
      }
    }
  });

  const started = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`the ${what} has not started (see the failure of beforeAll)`);
    return value;
  };
  const session: E2eSession = {
    get host() {
      return started(host, 'host');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(page, 'page');
    },
    get emulator() {
      return started(emulator, 'emulator');
    },
  };
  return session;
}
