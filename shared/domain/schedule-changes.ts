/** The schedule fields an operator sets, in the order the audit log lists what an update changed. */
export const AUDITED_SCHEDULE_FIELDS = [
  'isActive',
  'syncFrequency',
  'customIntervalHours',
  'cronExpression',
  'timeZone',
  'syncHistoricalData',
  'fetchTrackMetadata',
  'historyWindowDays',
] as const;
export type AuditedScheduleField = (typeof AUDITED_SCHEDULE_FIELDS)[number];

export type ScheduleSettingValue = string | number | boolean | null;
export type ScheduleSettings = Record<AuditedScheduleField, ScheduleSettingValue>;
/** What one update changed: each field that moved, before → after. Fields left as they were are absent. */
export type ScheduleChanges = Partial<
  Record<AuditedScheduleField, { from: ScheduleSettingValue; to: ScheduleSettingValue }>
>;

export function scheduleChanges(before: ScheduleSettings, after: ScheduleSettings): ScheduleChanges {
  const changes: ScheduleChanges = {};
  for (const field of AUDITED_SCHEDULE_FIELDS) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}

/** The operator's settings of a schedule, as the audit log records them at creation and deletion. */
export function scheduleSettings(schedule: ScheduleSettings): ScheduleSettings {
  return Object.fromEntries(
    AUDITED_SCHEDULE_FIELDS.map((field) => [field, schedule[field]]),
  ) as ScheduleSettings;
}

const FIELD_LABELS: Record<AuditedScheduleField, string> = {
  isActive: 'active',
  syncFrequency: 'frequency',
  customIntervalHours: 'every N hours',
  cronExpression: 'cron',
  timeZone: 'time zone',
  syncHistoricalData: 'historical data',
  fetchTrackMetadata: 'track metadata',
  historyWindowDays: 'history window (days)',
};

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/**
 * "frequency: daily → custom; every N hours: none → 6": what an audit entry's `changes` say, in the words the
 * Audit screen and `chart-sync audit` both print. Anything that is not a change record is ignored.
 */
export function describeScheduleChanges(changes: unknown): string {
  if (changes === null || typeof changes !== 'object') return '';
  return AUDITED_SCHEDULE_FIELDS.flatMap((field) => {
    const change = (changes as Record<string, unknown>)[field];
    if (change === null || typeof change !== 'object' || !('from' in change) || !('to' in change)) return [];
    return [`${FIELD_LABELS[field]}: ${formatValue(change.from)} → ${formatValue(change.to)}`];
  }).join('; ');
}
