import type { Command } from 'commander';
import { ALERT_KINDS } from '../../../shared/domain/alert-kinds';
import { ChartSyncError } from '../../../shared/errors';
import { THEMES } from '../../../shared/schemas/settings-input';
import type { SettingsView } from '../../../shared/views/settings';
import { dispatch } from '../../engine/api/dispatch';
import type { HostedEngine } from '../../engine/host';
import { withEngine } from '../open-engine';
import { print, printJson } from '../output';

type SetOptions = {
  disableAlert?: string[];
  enableAlert?: string[];
  quotaLowPercent?: string;
  quotaLowRequests?: string;
  retentionDays?: string;
  billingCycleDay?: string;
  apiUrl?: string;
  rateLimitPerMinute?: string;
  requestsInFlight?: string;
  defaultHistoryDays?: string;
  disableNotification?: string[];
  enableNotification?: string[];
  notificationsPerMinute?: string;
  closeToTray?: string;
  launchAtLogin?: string;
  theme?: string;
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `chart-sync settings [set …]`: what the Settings screen shows and changes, through the same calls. */
export function registerSettingsCommand(program: Command): void {
  const settings = program
    .command('settings')
    .description(
      'show the settings (alert kinds turned off, quota-low threshold, history retention, billing cycle day)',
    )
    .option('--json', 'print the settings as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withEngine(command, async (hosted) => {
        const view = await call(hosted, 'settings/get', {});
        if (options.json) printJson(view);
        else print(formatSettings(view));
      });
    });

  settings
    .command('set')
    .description('change settings; what is not given stays as it is')
    .option(
      '--disable-alert <kind>',
      `stop recording an alert kind (${ALERT_KINDS.join(', ')}); repeatable`,
      collect,
    )
    .option('--enable-alert <kind>', 'record an alert kind again; repeatable', collect)
    .option('--quota-low-percent <n>', 'quota_low below this percentage of the plan')
    .option('--quota-low-requests <n>', 'quota_low below this many requests remaining')
    .option('--retention-days <n>', 'keep execution history, audit and delivery logs this many days')
    .option('--billing-cycle-day <n>', 'the day of the month (1-28) the Soundcharts billing cycle starts')
    .option('--api-url <url>', 'the Soundcharts API URL to keep (a running host reconnects to it)')
    .option('--rate-limit-per-minute <n>', 'Soundcharts requests a minute to keep, for the whole app')
    .option(
      '--requests-in-flight <n>',
      'Soundcharts requests one sync keeps in flight at once, and metadata fetches at once (1-32)',
    )
    .option('--default-history-days <n>', 'the history window of a new schedule when none is given')
    .option(
      '--disable-notification <kind>',
      'stop showing an alert kind as a desktop notification (it stays in the alerts); repeatable',
      collect,
    )
    .option('--enable-notification <kind>', 'show an alert kind as a notification again; repeatable', collect)
    .option('--notifications-per-minute <n>', 'at most this many notifications a minute, then one summary')
    .option(
      '--close-to-tray <on|off>',
      'desktop app: closing the window keeps syncing in the tray (on) or quits',
    )
    .option('--launch-at-login <on|off>', 'desktop app: start hidden in the tray when you log in')
    .option('--theme <theme>', `the app's theme (${THEMES.join(', ')})`)
    .action(async (options: SetOptions, command: Command) => {
      // From `settings` up: this command's --api-url is the value to save, not the global flag for this run.
      await withEngine(command.parent ?? command, async (hosted) => {
        const current = await call(hosted, 'settings/get', {});
        const change: Record<string, unknown> = {};
        if (options.disableAlert || options.enableAlert) {
          const enable = new Set(options.enableAlert ?? []);
          change.disabledAlertKinds = [...current.disabledAlertKinds, ...(options.disableAlert ?? [])].filter(
            (kind) => !enable.has(kind),
          );
        }
        if (options.quotaLowPercent !== undefined) change.quotaLowPercent = number(options.quotaLowPercent);
        if (options.quotaLowRequests !== undefined)
          change.quotaLowRequests = number(options.quotaLowRequests);
        if (options.retentionDays !== undefined) change.retentionDays = number(options.retentionDays);
        if (options.billingCycleDay !== undefined) change.billingCycleDay = number(options.billingCycleDay);
        if (options.apiUrl !== undefined) change.apiUrl = options.apiUrl;
        if (options.rateLimitPerMinute !== undefined) {
          change.rateLimitPerMinute = number(options.rateLimitPerMinute);
        }
        if (options.requestsInFlight !== undefined)
          change.requestsInFlight = number(options.requestsInFlight);
        if (options.defaultHistoryDays !== undefined) {
          change.defaultHistoryWindowDays = number(options.defaultHistoryDays);
        }
        if (options.disableNotification || options.enableNotification) {
          const enable = new Set(options.enableNotification ?? []);
          change.disabledNotificationKinds = [
            ...current.disabledNotificationKinds,
            ...(options.disableNotification ?? []),
          ].filter((kind) => !enable.has(kind));
        }
        if (options.notificationsPerMinute !== undefined) {
          change.notificationsPerMinute = number(options.notificationsPerMinute);
        }
        if (options.closeToTray !== undefined) change.closeToTray = onOff(options.closeToTray);
        if (options.launchAtLogin !== undefined) change.launchAtLogin = onOff(options.launchAtLogin);
        if (options.theme !== undefined) change.theme = options.theme;
        if (Object.keys(change).length === 0) {
          throw new ChartSyncError(
            'invalid_input',
            'Nothing to change: see `chart-sync settings set --help`.',
          );
        }
        print(formatSettings(await call(hosted, 'settings/update', change)));
      });
    });
}

async function call<K extends 'settings/get' | 'settings/update'>(
  hosted: HostedEngine,
  name: K,
  input: unknown,
): Promise<SettingsView> {
  const result = await dispatch(hosted.engine.handlers, name, input);
  if (!result.ok) throw new ChartSyncError(result.error.code, result.error.message);
  return result.value as SettingsView;
}

/** A number as typed; anything else goes to the contract as typed, whose error names the setting. */
function number(text: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

/** on/off (or true/false, yes/no) as typed; anything else goes to the contract, whose error names the setting. */
function onOff(text: string): boolean | string {
  const word = text.trim().toLowerCase();
  if (['on', 'true', 'yes'].includes(word)) return true;
  if (['off', 'false', 'no'].includes(word)) return false;
  return text;
}

export function formatSettings(view: SettingsView): string {
  const off = new Set(view.disabledAlertKinds);
  return [
    'Alerts recorded:',
    ...ALERT_KINDS.map((kind) => `  ${off.has(kind) ? '✗' : '✓'} ${kind}${off.has(kind) ? ' (off)' : ''}`),
    `Quota low below: ${view.quotaLowPercent} % of the plan or ${view.quotaLowRequests.toLocaleString('en-US')} requests`,
    `History kept: ${view.retentionDays.toLocaleString('en-US')} days (older entries are pruned once a day)`,
    `Billing cycle starts on day ${view.billingCycleDay} of the month (the quota planner's cycle)`,
    `New schedules keep ${view.defaultHistoryWindowDays.toLocaleString('en-US')} days of history unless given another window`,
    `Desktop notifications: at most ${view.notificationsPerMinute} a minute (then one summary); off for: ${view.disabledNotificationKinds.join(', ') || 'none'}`,
    `Desktop app: ${view.closeToTray ? 'closing the window keeps Chart Sync syncing in the tray' : 'closing the window quits'}; ${view.launchAtLogin ? 'starts at login (hidden in the tray)' : 'does not start at login'}`,
    `Theme: ${view.theme}`,
    `Soundcharts API URL: ${view.apiUrl}; rate limit ${view.rateLimitPerMinute.toLocaleString('en-US')} requests/minute (a flag or variable overrides them: \`chart-sync credentials show\`; the plan's own limit caps it)`,
    `Requests in flight: ${view.requestsInFlight} per sync, and as many metadata fetches at once`,
    '',
  ].join('\n');
}
