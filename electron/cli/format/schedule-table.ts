import { healthText } from '../../../shared/domain/health-labels';
import type { ScheduleView } from '../../../shared/views/schedule-view';
import { formatTable, type Column } from './table';
import { formatCount } from './numbers';
import { truncate } from './text-width';
import { formatRelative, formatWhen, NONE } from './time';

const ATTENTION_COLUMN_WIDTH = 60;

export function chartName(chart: { name: string; countryName: string }): string {
  return `${chart.name} · ${chart.countryName || 'Worldwide'}`;
}

export function frequencyText(schedule: ScheduleView): string {
  switch (schedule.syncFrequency) {
    case 'custom':
      return `every ${schedule.customIntervalHours ?? '?'} h`;
    case 'cron':
      return `cron "${schedule.cronExpression ?? ''}" ${schedule.timeZone ?? ''}`.trimEnd();
    default:
      return schedule.syncFrequency;
  }
}

export function successRateText(rate: number | null): string {
  return rate === null ? NONE : `${Math.round(rate)} %`;
}

/** Why a schedule is not on time (health's reason); nothing when all is well. */
export function attentionText(schedule: ScheduleView): string {
  return schedule.health === 'on_time' ? '' : schedule.healthReason;
}

export function formatScheduleTable(schedules: readonly ScheduleView[], now: number): string {
  const columns: Column<ScheduleView>[] = [
    { header: 'chart', value: (s) => chartName(s.chart) },
    { header: 'slug', value: (s) => s.chart.slug },
    { header: 'platform', value: (s) => s.chart.platform },
    { header: 'frequency', value: frequencyText },
    { header: 'health', value: (s) => healthText(s.health) },
    {
      header: 'last sync',
      value: (s) => (s.lastSyncAt === null ? 'never' : formatRelative(s.lastSyncAt, now)),
    },
    { header: 'next sync', value: (s) => (s.isActive ? formatWhen(s.nextSyncAt, now) : 'paused') },
    { header: 'success', align: 'right', value: (s) => successRateText(s.successRate) },
    {
      header: 'total/ok/failed',
      align: 'right',
      value: (s) =>
        `${formatCount(s.totalExecutions)}/${formatCount(s.successfulExecutions)}/${formatCount(s.failedExecutions)}`,
    },
    { header: 'why', value: (s) => truncate(attentionText(s), ATTENTION_COLUMN_WIDTH) },
  ];
  return formatTable(schedules, columns);
}
