import {
  detectSyncFrequency,
  SYNC_FREQUENCIES,
  type SyncFrequency,
} from '../../../../shared/domain/frequency';
import { CUSTOM_INTERVAL_HOURS_MAX, CUSTOM_INTERVAL_HOURS_MIN } from '../../../../shared/domain/policies';
import type { ChartSummary } from '../../../../shared/views/schedule-view';
import { FREQUENCY_LABEL } from '../../format/frequency';
import { FrequencyHint } from './editor-notices';
import { EDITOR_FIELD_ID, timingOf, type EditorField, type EditorForm } from './editor-form';
import { FormField, WholeNumberField } from './form-field';
import { NextRunsList } from './next-runs-list';
import { timeZoneNames } from './time-zones';

const TIME_ZONE_LIST_ID = 'schedule-time-zones';

export type UpdateField = <K extends keyof EditorForm>(
  key: K,
  value: EditorForm[K],
  field?: EditorField,
) => void;

/** "When to sync": frequency (the chart's own suggested), every N hours, or cron in a time zone; the next runs. */
export function TimingFields({
  form,
  chart,
  errorOf,
  update,
  onFrequencyChosen,
  operatorZone,
  anchorAt,
  keepsGrid,
}: {
  form: EditorForm;
  chart: ChartSummary | null;
  errorOf(field: EditorField): string | undefined;
  update: UpdateField;
  onFrequencyChosen(): void;
  operatorZone: string;
  /** Where the schedule's grid starts when saving keeps it; null: at the moment of saving. */
  anchorAt: number | null;
  keepsGrid: boolean;
}) {
  const ownFrequency = chart ? detectSyncFrequency(chart.frequency) : null;
  const timing = timingOf(form);
  return (
    <fieldset className="card">
      <legend>When to sync</legend>
      <FormField
        id={EDITOR_FIELD_ID.syncFrequency}
        label="Frequency"
        error={errorOf('syncFrequency')}
        hint={<FrequencyHint chart={chart} frequency={form.syncFrequency} />}
      >
        {(control) => (
          <select
            {...control}
            value={form.syncFrequency}
            onChange={(event) => {
              onFrequencyChosen();
              update('syncFrequency', event.target.value as SyncFrequency, 'syncFrequency');
            }}
          >
            {SYNC_FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {FREQUENCY_LABEL[f]}
                {f === ownFrequency ? " — chart's own frequency" : ''}
              </option>
            ))}
          </select>
        )}
      </FormField>

      {form.syncFrequency === 'custom' && (
        <WholeNumberField
          id={EDITOR_FIELD_ID.customIntervalHours}
          label="Interval in hours"
          error={errorOf('customIntervalHours')}
          hint={`A whole number of hours from ${CUSTOM_INTERVAL_HOURS_MIN} to ${CUSTOM_INTERVAL_HOURS_MAX.toLocaleString('en')}.`}
          min={CUSTOM_INTERVAL_HOURS_MIN}
          max={CUSTOM_INTERVAL_HOURS_MAX}
          value={form.customIntervalHours}
          onChange={(value) => update('customIntervalHours', value, 'customIntervalHours')}
        />
      )}

      {form.syncFrequency === 'cron' && (
        <div className="cron-fields">
          <FormField
            id={EDITOR_FIELD_ID.cronExpression}
            label="Cron expression"
            error={errorOf('cronExpression')}
            hint={
              <>
                Five fields: minute hour day-of-month month day-of-week. <code>0 6 * * *</code> runs every day
                at 06:00; <code>30 5 * * 1</code> on Mondays at 05:30. Runs at least{' '}
                {CUSTOM_INTERVAL_HOURS_MIN === 1 ? 'an hour' : `${CUSTOM_INTERVAL_HOURS_MIN} hours`} apart.
              </>
            }
          >
            {(control) => (
              <input
                {...control}
                type="text"
                className="cron-input"
                spellCheck={false}
                autoComplete="off"
                value={form.cronExpression}
                onChange={(event) => update('cronExpression', event.target.value, 'cronExpression')}
              />
            )}
          </FormField>
          <FormField
            id={EDITOR_FIELD_ID.timeZone}
            label="Time zone"
            error={errorOf('timeZone')}
            hint={`The runs follow this zone's clock, daylight saving included. Yours is ${operatorZone}.`}
          >
            {(control) => (
              <>
                <input
                  {...control}
                  type="text"
                  list={TIME_ZONE_LIST_ID}
                  spellCheck={false}
                  autoComplete="off"
                  value={form.timeZone}
                  onChange={(event) => update('timeZone', event.target.value, 'timeZone')}
                />
                <datalist id={TIME_ZONE_LIST_ID}>
                  {timeZoneNames().map((zone) => (
                    <option key={zone} value={zone} />
                  ))}
                </datalist>
              </>
            )}
          </FormField>
        </div>
      )}

      <NextRunsList
        timing={timing}
        anchorAt={anchorAt}
        operatorZone={operatorZone}
        note={
          form.syncFrequency === 'cron'
            ? ''
            : keepsGrid
              ? 'The schedule keeps its current rhythm.'
              : 'Counted from the moment you save.'
        }
      />
    </fieldset>
  );
}
