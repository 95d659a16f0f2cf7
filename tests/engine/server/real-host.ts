import { afterEach, beforeEach } from 'vitest';
import { startServer, type RunningServer } from '../../../electron/engine/server';
import type { ConfigFlags } from '../../../electron/engine/config/app-config';
import { startHostedEngine, type HostedEngine } from '../../../electron/engine/host';
import { useTempDir } from '../../support/database';
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

export type HostedServer = { hosted: HostedEngine; server: RunningServer; dataDir: string };

/**
 * The headless host as `chart-sync serve` runs it: a hosted engine (demo until credentials are saved, with its
 * vault in a fresh data folder) serving its stable port, started before each test and closed after it.
 */
export function useHostedServer(flags: () => ConfigFlags = () => ({})): HostedServer {
  const tempDir = useTempDir();
  const host = {} as HostedServer;
  let renderer: ReturnType<typeof makeRendererDir>;
  beforeEach(async () => {
    host.dataDir = tempDir();
    host.hosted = await startHostedEngine({
      version: 'test',
      flags: { ...flags(), dataDir: host.dataDir },
      env: {},
    });
    renderer = makeRendererDir();
    host.server = await startServer({ engine: host.hosted.port, port: 0, rendererDir: renderer.rendererDir });
  });
  afterEach(async () => {
    await host.server.close();
    await host.hosted.close();
    renderer.cleanup();
  });
  return host;
}
