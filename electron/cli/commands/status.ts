import type { Command } from 'commander';
import { ChartSyncError } from '../../../shared/errors';
import type { AppStatus } from '../../../shared/views/app-status';
import { dispatch } from '../../engine/api/dispatch';
import { openEngine } from '../open-engine';

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('show the database in use and what it holds')
    .option('--json', 'print the status as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const engine = openEngine(command);
      try {
        const result = await dispatch(engine.handlers, 'app/status', {});
        if (!result.ok) throw new ChartSyncError(result.error.code, result.error.message);
        const status = result.value as AppStatus;
        process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
      } finally {
        engine.close();
      }
    });
}

export function formatStatus(status: AppStatus): string {
  return [
    `Chart Sync ${status.version}`,
    `Database:   ${status.databaseFile} (schema ${status.schemaVersion})`,
    `Charts:     ${status.charts}`,
    `Schedules:  ${status.schedules.total} (${status.schedules.active} active, ${status.schedules.overdue} overdue)`,
    `Executions: ${status.executions.running} running, ${status.executions.pending} waiting`,
    '',
  ].join('\n');
}
