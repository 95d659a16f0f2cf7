import { useState } from 'react';
import type { ErrorShape, Result } from '../../../../shared/errors';
import { retentionDaysSchema } from '../../../../shared/schemas/retention-input';
import type { PruneCounts, PruneSummary } from '../../../../shared/views/retention';
import { confirm } from '../../store/confirm-store';
import { toast } from '../../store/toast-store';
import { call } from '../../transport/api';
import type { SettingsSectionProps } from './settings-sections';

const LABELS: [keyof PruneCounts, string][] = [
  ['executions', 'finished executions'],
  ['auditEntries', 'audit entries'],
  ['webhookDeliveries', 'webhook deliveries'],
  ['webhookAttempts', 'webhook delivery attempts'],
  ['queueTasks', 'finished queue tasks'],
  ['apiUsageHours', 'hours of API usage'],
  ['quotaSamples', 'quota samples'],
];

/** "3 finished executions, 120 audit entries", or null when there is nothing to prune. */
export function describeCounts(counts: PruneCounts): string | null {
  const parts = LABELS.filter(([key]) => counts[key] > 0).map(
    ([key, label]) => `${counts[key].toLocaleString('en')} ${label}`,
  );
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * The Settings screen's "History" section: how many days of history to keep (checked as the engine checks it)
 * and "Prune now", which first shows what would go (a dry run) and asks before removing it.
 */
export function HistorySection({ settings, save: saveSettings }: SettingsSectionProps) {
  const { retentionDays } = settings;
  const [text, setText] = useState(String(retentionDays));
  const [saving, setSaving] = useState(false);
  const [pruning, setPruning] = useState(false);
  const [saveError, setSaveError] = useState<ErrorShape | null>(null);
  const parsed = retentionDaysSchema.safeParse(text.trim() === '' ? Number.NaN : Number(text));
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a valid number of days.');
  const changed = parsed.success && parsed.data !== retentionDays;

  const save = async () => {
    if (!parsed.success) return;
    setSaving(true);
    const result = await saveSettings({ retentionDays: parsed.data });
    setSaving(false);
    setSaveError(result.ok ? null : result.error);
    if (result.ok) toast.success(`History is kept for ${parsed.data} days`);
  };

  const pruneNow = async () => {
    setPruning(true);
    try {
      const preview = await call('retention/prune', { dryRun: true });
      if (!preview.ok) return void toast.error('Could not look for old history', preview.error);
      const what = describeCounts(preview.value.counts);
      if (what === null) return void toast.info(`Nothing is older than ${preview.value.retentionDays} days`);
      const ok = await confirm({
        title: 'Prune old history now?',
        message: `This removes ${what}, all older than ${preview.value.retentionDays} days. Waiting syncs, pending webhook deliveries and newer history are kept.`,
        confirmLabel: 'Prune',
        danger: true,
      });
      if (!ok) return;
      const done: Result<PruneSummary> = await call('retention/prune', { dryRun: false });
      if (!done.ok) return void toast.error('Pruning failed', done.error);
      toast.success('Old history pruned', describeCounts(done.value.counts) ?? undefined);
    } finally {
      setPruning(false);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-history">
      <h3 id="settings-history">History</h3>
      <p className="muted">
        Finished executions, audit entries, webhook logs and finished queue tasks older than this are pruned
        once a day. Deleting a schedule never deletes its history.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="retention-days">Keep history for (days)</label>
          <input
            id="retention-days"
            type="number"
            inputMode="numeric"
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem || saveError ? 'retention-days-problem' : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          {(problem ?? saveError) && (
            <p id="retention-days-problem" className="field-error" role="alert">
              {problem ?? saveError?.message}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" disabled={!changed || saving}>
            {saving ? 'Saving…' : 'Save retention'}
          </button>
          <button type="button" onClick={() => void pruneNow()} disabled={pruning}>
            {pruning ? 'Looking…' : 'Prune now…'}
          </button>
        </div>
      </form>
    </section>
  );
}
