import { withoutUrlCredentials } from '../../../shared/domain/url-credentials';
import { HEALTH_STATES, type Health } from '../../../shared/domain/health';
import { HEALTH_ORDER, healthText } from '../../../shared/domain/health-labels';
import type { Command } from 'commander';
import { ChartSyncError } from '../../../shared/errors';
import type { AppStatus } from '../../../shared/views/app-status';
import { ENV, resolveDataDirFrom } from '../../engine/config/app-config';
import { FileCredentialVault } from '../../engine/credentials/file-credential-vault';
import type { dispatch as dispatchCall } from '../../engine/api/dispatch';
import type { HostedEngine } from '../../engine/host';
import { readStatusSnapshot } from '../../engine/hosting/read-status';
import type { QuotaSnapshot } from '../../engine/soundcharts/quota';
import { DEMO_NOTICE } from '../demo-notice';
import { formatCount } from '../format/numbers';
import { formatInstant } from '../format/time';
import { toConfigFlags, type GlobalOptions } from '../global-options';
import { note, print, printJson } from '../output';
import { readPackageVersion } from '../package-version';

/** What `status` adds to the engine's own AppStatus: where Soundcharts is and what is left of the plan. */
export type CliStatus = AppStatus & {
  demo: boolean;
  /** The configured API; in demo mode the built-in emulator answers instead, on loopback. */
  soundchartsUrl: string;
  rateLimitPerMinute: number;
  quota: QuotaSnapshot | null;
};

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('show the mode, the Soundcharts connection, the database in use and what it holds')
    .option('--json', 'print the status as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const status = readWithoutHost(command) ?? (await readFromHost(command));
      if (options.json) printJson(status);
      else print(formatStatus(status));
    });
}

/**
 * The status read straight from the database (what a host would answer), without loading the engine: the
 * command then starts in about the time Node takes to load SQLite. Null on a first run, which a host sets up.
 */
function readWithoutHost(command: Command): CliStatus | null {
  const flags = toConfigFlags(command.optsWithGlobals<GlobalOptions>());
  const env = process.env;
  const snapshot = readStatusSnapshot({
    version: readPackageVersion(),
    flags,
    env,
    vault: new FileCredentialVault({ dataDir: resolveDataDirFrom(flags, env) }),
  });
  if (!snapshot) return null;
  if (snapshot.demo) note(DEMO_NOTICE);
  return {
    ...snapshot.status,
    demo: snapshot.demo,
    apiUrl: withoutUrlCredentials(snapshot.status.apiUrl),
    soundchartsUrl: withoutUrlCredentials(snapshot.config.apiUrl),
    rateLimitPerMinute: snapshot.config.rateLimitPerMinute,
    // Soundcharts tells the quota with each response: a process that sent none has not heard it.
    quota: null,
  };
}

type Dispatch = typeof dispatchCall;

async function readFromHost(command: Command): Promise<CliStatus> {
  const [{ withEngine }, { dispatch }] = await Promise.all([
    import('../open-engine'),
    import('../../engine/api/dispatch'),
  ]);
  return withEngine(command, async (hosted) => readStatus(hosted, dispatch));
}

async function readStatus(hosted: HostedEngine, dispatch: Dispatch): Promise<CliStatus> {
  const result = await dispatch(hosted.engine.handlers, 'app/status', {});
  if (!result.ok) throw new ChartSyncError(result.error.code, result.error.message);
  return {
    ...(result.value as AppStatus),
    demo: hosted.demo,
    soundchartsUrl: withoutUrlCredentials(hosted.config.apiUrl),
    rateLimitPerMinute: hosted.config.rateLimitPerMinute,
    quota: hosted.engine.quota.snapshot(),
  };
}

export function formatStatus(status: CliStatus): string {
  const { schedules } = status;
  const mode = status.demo
    ? `demo (built-in emulator; \`chart-sync credentials set\`, or set ${ENV.appId} and ${ENV.apiKey}, to use Soundcharts)`
    : 'Soundcharts';
  const soundcharts = status.demo
    ? `built-in emulator on 127.0.0.1 (with credentials: ${status.soundchartsUrl})`
    : status.soundchartsUrl;
  const quota = status.quota
    ? `${formatCount(status.quota.remaining)} requests remaining (as of ${formatInstant(status.quota.observedAt)})`
    : 'not known yet (Soundcharts reports it with each response)';
  return [
    `Chart Sync ${status.version}`,
    `Mode:        ${mode}`,
    `Soundcharts: ${soundcharts}`,
    `Rate limit:  ${formatCount(status.rateLimitPerMinute)} requests/minute`,
    `Quota:       ${quota}`,
    `Database:    ${status.databaseFile} (schema ${status.schemaVersion})`,
    `Charts:      ${formatCount(status.charts)}`,
    `Schedules:   ${schedules.total} (${schedules.active} active, ${schedules.total - schedules.active} paused${byPauseAll(schedules.resumable)}, ${schedules.overdue} overdue)`,
    `Health:      ${healthCounts(schedules.byHealth)}`,
    `Executions:  ${status.executions.running} running, ${status.executions.pending} waiting`,
    '',
  ].join('\n');
}

/** The paused schedules Resume all would bring back, and how. */
function byPauseAll(resumable: number): string {
  return resumable > 0 ? ` (${resumable} by Pause all: \`chart-sync schedules resume-all\`)` : '';
}

/** Every state that has schedules, most urgent first: "✖ Failing 1 · ○ Never synced 2". */
export function healthCounts(byHealth: Record<Health, number>): string {
  const states = HEALTH_STATES.filter((state) => byHealth[state] > 0).sort(
    (a, b) => HEALTH_ORDER[a] - HEALTH_ORDER[b],
  );
  return states.length === 0
    ? 'no schedules'
    : states.map((state) => `${healthText(state)} ${formatCount(byHealth[state])}`).join(' · ');
}
