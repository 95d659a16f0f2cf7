import type { Command } from 'commander';
import { resolveDataDir } from '../engine/config/data-dir';
import { createEngine, type Engine } from '../engine/engine';
import { readPackageVersion } from './package-version';

/** Opens the engine on the folder chosen by --data-dir, the environment, or the platform default. */
export function openEngine(command: Command): Engine {
  const { dataDir } = command.optsWithGlobals<{ dataDir?: string }>();
  return createEngine({ dataDir: dataDir ?? resolveDataDir(), version: readPackageVersion() });
}
