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
