import { afterEach, beforeEach } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/engine/server';
import { useEmulator } from '../../support/emulator';
import { startTestEngine, type TestEngine } from '../../support/sync-engine';
import { makeRendererDir } from './support';

export type RealHost = {
  emulator: ReturnType<typeof useEmulator>;
  /** Set before each test: the engine on the emulator, and the headless host serving it. */
  test: TestEngine;
  server: RunningServer;
};

/** The headless host on a real engine and the emulator, started before each test of a suite and closed after it. */
export function useRealHost(): RealHost {
  const emulator = useEmulator();
  let renderer: ReturnType<typeof makeRendererDir>;
  const host = { emulator } as RealHost;
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
