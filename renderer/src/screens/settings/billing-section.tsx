import { useEffect, useState } from 'react';
import type { ErrorShape } from '../../../../shared/errors';
import { billingCycleDaySchema } from '../../../../shared/schemas/settings-input';
import { hrefOf } from '../../routing/routes';
import { toast } from '../../store/toast-store';
import { fieldProblem, type SettingsSectionProps } from './settings-sections';

/**
 * The Settings screen's "Billing" section: the day of the month the Soundcharts billing cycle starts, which
 * Soundcharts does not tell; the quota planner projects the requests to the end of that cycle.
 */
export function BillingSection({ settings, save: saveSettings }: SettingsSectionProps) {
  const { billingCycleDay } = settings;
  const [text, setText] = useState(String(billingCycleDay));
  useEffect(() => setText(String(billingCycleDay)), [billingCycleDay]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorShape | null>(null);
  const parsed = billingCycleDaySchema.safeParse(text.trim() === '' ? Number.NaN : Number(text));
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a day of the month.');
  const shown = problem ?? fieldProblem(saveError, 'billingCycleDay') ?? saveError?.message ?? null;
  const changed = parsed.success && parsed.data !== billingCycleDay;

  const save = async () => {
    if (!parsed.success) return;
    setSaving(true);
    const result = await saveSettings({ billingCycleDay: parsed.data });
    setSaving(false);
    setSaveError(result.ok ? null : result.error);
    if (result.ok) toast.success(`The billing cycle starts on day ${parsed.data} of each month`);
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-billing">
      <h3 id="settings-billing">Billing</h3>
      <p className="muted">
        Soundcharts bills by request and renews the quota each month. The{' '}
        <a href={hrefOf({ screen: 'analytics', filter: {} })}>quota planner</a> projects the schedules’
        requests to the end of the cycle.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="billing-cycle-day">Billing cycle starts on day</label>
          <input
            id="billing-cycle-day"
            type="number"
            inputMode="numeric"
            min={1}
            max={28}
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={shown ? 'billing-cycle-day-problem' : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          {shown && (
            <p id="billing-cycle-day-problem" className="field-error" role="alert">
              {shown}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" disabled={!changed || saving}>
            {saving ? 'Saving…' : 'Save billing day'}
          </button>
        </div>
      </form>
    </section>
  );
}
