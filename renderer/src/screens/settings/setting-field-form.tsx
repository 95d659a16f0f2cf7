import { useEffect, useState, type InputHTMLAttributes } from 'react';
import type { ErrorShape } from '../../../../shared/errors';
import { settingsFields } from '../../../../shared/schemas/settings-input';
import { toast } from '../../store/toast-store';
import { fieldProblem, type SettingsSectionProps } from './settings-sections';

type NumberField =
  'defaultHistoryWindowDays' | 'notificationsPerMinute' | 'rateLimitPerMinute' | 'requestsInFlight';
type TextField = 'apiUrl';
export type SingleField = NumberField | TextField;

type Props<K extends SingleField> = {
  field: K;
  label: string;
  stored: string | number;
  save: SettingsSectionProps['save'];
  submitLabel: string;
  /** The toast after a save, e.g. "New schedules keep 90 days". */
  savedMessage(value: string): string;
  /** Set when a flag or the environment decides the value: the field is read-only and says why. */
  readOnlyReason?: string | null;
  hint?: string;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
  /** Told of a valid value typed but not saved (null once it is saved, or invalid), e.g. for a test. */
  onUnsaved?(value: string | null): void;
};

/** A number as typed: anything else goes through as NaN, and the shared schema says what is wrong. */
function typed(field: SingleField, text: string): unknown {
  if (field === 'apiUrl') return text;
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * One stored setting in a form of its own: checked while typing with the engine's own schema (same words),
 * saved by its button, the engine's refusal shown under the field; read-only with the reason when overridden.
 */
export function SettingFieldForm<K extends SingleField>(props: Props<K>) {
  const {
    field,
    label,
    stored,
    save,
    submitLabel,
    savedMessage,
    readOnlyReason,
    hint,
    inputProps,
    onUnsaved,
  } = props;
  const [text, setText] = useState(String(stored));
  useEffect(() => setText(String(stored)), [stored]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorShape | null>(null);
  const parsed = settingsFields[field].safeParse(typed(field, text));
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a valid value.');
  const shown = problem ?? fieldProblem(saveError, field) ?? saveError?.message ?? null;
  const changed = parsed.success && String(parsed.data) !== String(stored);
  const unsaved = changed && !readOnlyReason ? String(parsed.data) : null;
  useEffect(() => onUnsaved?.(unsaved), [unsaved, onUnsaved]);
  const id = `setting-${field}`;
  const describedBy = [shown && `${id}-problem`, (readOnlyReason ?? hint) && `${id}-hint`]
    .filter(Boolean)
    .join(' ');

  const submit = async () => {
    if (!parsed.success || readOnlyReason) return;
    setSaving(true);
    const result = await save({ [field]: parsed.data });
    setSaving(false);
    setSaveError(result.ok ? null : result.error);
    if (result.ok) toast.success(savedMessage(String(parsed.data)));
  };

  return (
    <form
      className="setting-field-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          {...inputProps}
          value={text}
          readOnly={Boolean(readOnlyReason)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {!readOnlyReason && (
          <button type="submit" disabled={!changed || saving}>
            {saving ? 'Saving…' : submitLabel}
          </button>
        )}
        {shown && !readOnlyReason && (
          <p id={`${id}-problem`} className="field-error" role="alert">
            {shown}
          </p>
        )}
        {(readOnlyReason ?? hint) && (
          <p id={`${id}-hint`} className={readOnlyReason ? 'read-only-reason' : 'muted field-hint'}>
            {readOnlyReason ?? hint}
          </p>
        )}
      </div>
    </form>
  );
}
