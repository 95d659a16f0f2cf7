import type { AppStatus } from '../views/app-status';
import type { ExecutionStatus } from './execution';
import { ATTENTION_HEALTH } from './health';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './policies';

export type TrayIcon = 'idle' | 'syncing' | 'attention' | 'paused';

/** What the desktop tray shows, rendered from the engine's status alone (the shell decides nothing). */
export type TrayView = {
  icon: TrayIcon;
  tooltip: string;
  /** "Last sync: Top Songs (global-28) — completed, 5 min ago", or null before the first sync ended. */
  lastSyncLine: string | null;
  /** "3 unread alerts", or null when there is none (the menu then has no alerts item). */
  unreadLine: string | null;
};

const APP_NAME = 'Chart Sync';

const RESULT_WORD: Record<ExecutionStatus, string> = {
  pending: 'waiting',
  running: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
};

const plural = (count: number, one: string, many: string = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

/** "just now", "5 min ago", "2 h ago", "3 days ago": short enough for a tray menu line. */
export function agoText(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE_MS) return 'just now';
  if (elapsed < HOUR_MS) return `${Math.floor(elapsed / MINUTE_MS)} min ago`;
  if (elapsed < DAY_MS) return `${Math.floor(elapsed / HOUR_MS)} h ago`;
  return `${plural(Math.floor(elapsed / DAY_MS), 'day')} ago`;
}

function attentionCount(status: AppStatus): number {
  return ATTENTION_HEALTH.reduce((sum, health) => sum + status.schedules.byHealth[health], 0);
}

/**
 * The tray's icon and lines. The icon says the most urgent thing: a schedule needing the operator beats a sync
 * running, which beats every schedule being paused.
 */
export function trayView(status: AppStatus, now: number): TrayView {
  const attention = attentionCount(status);
  const { total, active } = status.schedules;
  const { running, pending } = status.executions;
  const icon: TrayIcon =
    attention > 0 ? 'attention' : running > 0 ? 'syncing' : total > 0 && active === 0 ? 'paused' : 'idle';

  const parts: string[] = [];
  if (total === 0) parts.push('no schedules yet');
  else if (active === 0) parts.push(`${plural(total, 'schedule')}, all paused`);
  else parts.push(`${plural(total, 'schedule')} (${active} active)`);
  if (running > 0) parts.push(`${running} syncing`);
  if (pending > 0) parts.push(`${pending} waiting`);
  if (attention > 0) parts.push(`${attention} need${attention === 1 ? 's' : ''} attention`);
  const name = status.demo ? `${APP_NAME} (demo data)` : APP_NAME;

  const last = status.lastSync;
  return {
    icon,
    tooltip: `${name}: ${parts.join(' · ')}`,
    lastSyncLine: last
      ? `Last sync: ${last.chartName} — ${RESULT_WORD[last.status]}, ${agoText(last.endedAt, now)}`
      : null,
    unreadLine: status.unreadAlerts > 0 ? `${plural(status.unreadAlerts, 'unread alert')}` : null,
  };
}
