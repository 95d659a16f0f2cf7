import { useEffect, useState, type FormEvent } from 'react';
import { ALERT_KINDS, type AlertKind } from '../../../../shared/domain/alert-kinds';
import type { ErrorShape } from '../../../../shared/errors';
import { ALERT_KIND_TEXT } from '../../format/alert-kinds';
import { toast } from '../../store/toast-store';
import { fieldProblem, type SettingsSectionProps } from './settings-sections';

/** Which alert kinds are recorded (each toggle saves at once), and the quota-low threshold. */
export function AlertSettingsSection({ settings, save }: SettingsSectionProps) {
  // Shown at once on a click (a checkbox that waits for the engine feels broken); put back if the save fails.
  const [disabledKinds, setDisabledKinds] = useState(settings.disabledAlertKinds);
  useEffect(() => setDisabledKinds(settings.disabledAlertKinds), [settings.disabledAlertKinds]);
  const disabled = new Set(disabledKinds);
  const [percent, setPercent] = useState(String(settings.quotaLowPercent));
  const [requests, setRequests] = useState(String(settings.quotaLowRequests));
  const [error, setError] = useState<ErrorShape | null>(null);
  const [saving, setSaving] = useState(false);

  const toggle = async (kind: AlertKind, on: boolean) => {
    const next = ALERT_KINDS.filter((k) => (k === kind ? !on : disabled.has(k)));
    setDisabledKinds(next);
    const result = await save({ disabledAlertKinds: next });
    if (!result.ok) {
      setDisabledKinds(settings.disabledAlertKinds);
      toast.error('Could not save the alert settings', result.error);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await save({ quotaLowPercent: asNumber(percent), quotaLowRequests: asNumber(requests) });
    setSaving(false);
    setError(result.ok ? null : result.error);
    if (result.ok) toast.success('Quota threshold saved');
  };
  const percentProblem = fieldProblem(error, 'quotaLowPercent');
  const requestsProblem = fieldProblem(error, 'quotaLowRequests');

  return (
    <section className="card settings-section alert-settings" aria-labelledby="alert-settings-title">
      <h3 id="alert-settings-title">Alerts</h3>
      <fieldset className="alert-kind-toggles">
        <legend>Record these alerts (in the Alerts inbox and the bell)</legend>
        {ALERT_KINDS.map((kind) => (
          <label key={kind} className="alert-kind-toggle">
            <input
              type="checkbox"
              checked={!disabled.has(kind)}
              onChange={(event) => void toggle(kind, event.target.checked)}
            />
            <span>
              <strong>{ALERT_KIND_TEXT[kind].label}</strong>
              <span className="muted"> {ALERT_KIND_TEXT[kind].description}</span>
            </span>
          </label>
        ))}
        <p className="muted settings-note">
          A kind turned off is not recorded, so it is never notified either. Webhooks still hear of overdue
          schedules.
        </p>
      </fieldset>
      <form className="quota-threshold" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset>
          <legend>Quota low below</legend>
          <div className="quota-fields">
            <div className="settings-field">
              <label htmlFor="quota-low-percent">Percent of the plan</label>
              <input
                id="quota-low-percent"
                inputMode="numeric"
                value={percent}
                aria-invalid={percentProblem !== null}
                aria-describedby={percentProblem ? 'quota-low-percent-problem' : undefined}
                onChange={(event) => setPercent(event.target.value)}
              />
              {percentProblem && (
                <p id="quota-low-percent-problem" className="field-error">
                  {percentProblem}
                </p>
              )}
            </div>
            <span className="quota-or">or</span>
            <div className="settings-field">
              <label htmlFor="quota-low-requests">Requests remaining</label>
              <input
                id="quota-low-requests"
                inputMode="numeric"
                value={requests}
                aria-invalid={requestsProblem !== null}
                aria-describedby={requestsProblem ? 'quota-low-requests-problem' : undefined}
                onChange={(event) => setRequests(event.target.value)}
              />
              {requestsProblem && (
                <p id="quota-low-requests-problem" className="field-error">
                  {requestsProblem}
                </p>
              )}
            </div>
            <button type="submit" className="primary" disabled={saving}>
              Save
            </button>
          </div>
          <p className="muted settings-note">
            The percentage applies when Soundcharts reports the plan’s size; the request count always does.
          </p>
        </fieldset>
      </form>
    </section>
  );
}

/** A whole number as typed; anything else is sent as typed, and the engine's answer says what is wrong. */
function asNumber(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
