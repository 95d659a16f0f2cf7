import type { Command } from 'commander';
import { WEBHOOK_ONE_SHOT_WAIT_MS } from '../../shared/domain/policies';
import { actAs } from '../engine/audit/actor';
import { startHostedEngine, type HostedEngine, type HostOptions } from '../engine/host';
import { DEMO_NOTICE } from './demo-notice';
import { toConfigFlags, type GlobalOptions } from './global-options';
import { note } from './output';
import { readPackageVersion } from './package-version';

export { DEMO_NOTICE };

/**
 * Opens the engine as configured by the global flags, the environment and stored settings. In demo mode it
 * says so first, on stderr, so nobody mistakes emulated data for Soundcharts' and `--json` output stays clean.
 */
export async function openEngine(
  command: Command,
  options: Pick<HostOptions, 'unreadableVault'> = {},
): Promise<HostedEngine> {
  const hosted = await startHostedEngine({
    ...options,
    version: readPackageVersion(),
    flags: toConfigFlags(command.optsWithGlobals<GlobalOptions>()),
  });
  if (hosted.demo) note(DEMO_NOTICE);
  return hosted;
}

/**
 * Runs a command's work on an open engine and always closes it, so a failing command leaves no threads behind.
 * Webhook deliveries the work queued (a sync's outcome) get a bounded wait first; the rest stay queued. What it
 * changes is the CLI's doing in the audit log.
 */
export function withEngine<T>(
  command: Command,
  work: (hosted: HostedEngine) => Promise<T>,
  options: Pick<HostOptions, 'unreadableVault'> = {},
): Promise<T> {
  return actAs('cli', async () => {
    const hosted = await openEngine(command, options);
    try {
      return await work(hosted);
    } finally {
      await hosted.engine.webhooks.settle(WEBHOOK_ONE_SHOT_WAIT_MS).finally(() => hosted.close());
    }
  });
}
