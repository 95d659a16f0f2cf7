import { HISTORY_WINDOW_DAYS_MAX, HISTORY_WINDOW_DAYS_MIN } from '../../../../shared/domain/policies';
import { SettingFieldForm } from './setting-field-form';
import type { SettingsSectionProps } from './settings-sections';

/** The Settings screen's "Syncing" section: what a new schedule gets when nobody says otherwise. */
export function SyncingSection({ settings, save }: SettingsSectionProps) {
  return (
    <section className="card settings-section" aria-labelledby="settings-syncing">
      <h3 id="settings-syncing">Syncing</h3>
      <SettingFieldForm
        field="defaultHistoryWindowDays"
        label="Default history window (days)"
        stored={settings.defaultHistoryWindowDays}
        save={save}
        submitLabel="Save history window"
        savedMessage={(days) => `New schedules fetch the last ${days} days`}
        hint="How far back a new schedule fetches when its history window is left empty, in the app, the CLI and the REST API alike. Existing schedules keep theirs."
        inputProps={{
          type: 'number',
          inputMode: 'numeric',
          min: HISTORY_WINDOW_DAYS_MIN,
          max: HISTORY_WINDOW_DAYS_MAX,
        }}
      />
    </section>
  );
}
