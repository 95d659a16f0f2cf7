import { afterEach, beforeEach } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/engine/server';
import { useEmulator } from '../../support/emulator';
import { startTestEngine, type TestEngine } from '../../support/sync-engine';
import { http, makeRendererDir } from './support';

export type RealHost = {
  emulator: ReturnType<typeof useEmulator>;
  /** Set before each test: the engine on the emulator, and the headless host serving it. */
  test: TestEngine;
  server: RunningServer;
  /** A REST request with the host's token, the body sent as JSON. */
  rest(method: string, path: string, body?: unknown): ReturnType<typeof http>;
};

/** The headless host on a real engine and the emulator, started before each test of a suite and closed after it. */
export function useRealHost(): RealHost {
  const emulator = useEmulator();
  let renderer: ReturnType<typeof makeRendererDir>;
  const host = {
    emulator,
    rest: (method: string, path: string, body?: unknown) =>
      http(host.server.port, method, path, {
        headers: { Authorization: `Bearer ${host.server.token}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  } as RealHost;
  beforeEach(async () => {
    host.test = await startTestEngine(emulator.current);
    renderer = makeRendererDir();
    host.server = await startServer({ engine: host.test.engine, port: 0, rendererDir: renderer.rendererDir });
  });
  afterEach(async () => {
    await host.server.close();
    await host.test.engine.close();
    renderer.cleanup();
  });
  return host;
}
