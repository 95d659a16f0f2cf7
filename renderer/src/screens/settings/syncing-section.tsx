import {
  HISTORY_WINDOW_DAYS_MAX,
  HISTORY_WINDOW_DAYS_MIN,
  REQUESTS_IN_FLIGHT_MAX,
  REQUESTS_IN_FLIGHT_MIN,
} from '../../../../shared/domain/policies';
import { SettingFieldForm } from './setting-field-form';
import type { SettingsSectionProps } from './settings-sections';

/**
 * The Settings screen's "Syncing" section: what a new schedule gets when nobody says otherwise, and how many
 * requests a sync keeps in flight.
 */
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
      <SettingFieldForm
        field="requestsInFlight"
        label="Requests in flight per sync"
        stored={settings.requestsInFlight}
        save={save}
        submitLabel="Save requests in flight"
        savedMessage={(n) => `Syncs keep up to ${n} requests in flight`}
        hint={`How many Soundcharts requests one chart's sync keeps waiting on the network at once (pages and periods), and how many song metadata fetches run at once; ${REQUESTS_IN_FLIGHT_MIN} to ${REQUESTS_IN_FLIGHT_MAX}. The rate limit still spaces every request of the app, so more only helps while the network, not the rate limit, is what waits. Applies to syncs that start after the change.`}
        inputProps={{
          type: 'number',
          inputMode: 'numeric',
          min: REQUESTS_IN_FLIGHT_MIN,
          max: REQUESTS_IN_FLIGHT_MAX,
        }}
      />
    </section>
  );
}
