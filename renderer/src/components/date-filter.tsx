import { useEffect, useState } from 'react';
import { formatCalendarDate, parseCalendarDate } from '../format/time';

/**
 * A date filter typed in the app's own format ("1 Nov 2026", as every date on the screens reads), not the
 * browser's date input, whose display follows the machine's locale (mm/dd/yyyy here, dd.mm.yyyy there). The URL
 * keeps the ISO date; what is typed applies on Enter or on leaving the field, and a date that is not one is said so.
 */
export function DateFilter({
  id,
  label,
  value,
  rangeProblem,
  rangeProblemId,
  onChange,
}: {
  id: string;
  label: string;
  value: string | null;
  /** The form's own problem with the range (From after To), shown once under the form. */
  rangeProblem: string | null;
  rangeProblemId: string;
  onChange(date: string | null): void;
}) {
  const shown = value === null ? '' : formatCalendarDate(value);
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  // The URL changed (back, a link, Clear filters): show what it says.
  useEffect(() => {
    setText(shown);
    setInvalid(false);
  }, [shown]);
  const apply = () => {
    if (text.trim() === '') {
      setInvalid(false);
      if (value !== null) onChange(null);
      return;
    }
    const date = parseCalendarDate(text);
    setInvalid(date === null);
    if (date === null) return;
    setText(formatCalendarDate(date));
    if (date !== value) onChange(date);
  };
  const errorId = `${id}-error`;
  const describedBy = invalid ? errorId : rangeProblem ? rangeProblemId : undefined;
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="date-filter"
        inputMode="text"
        autoComplete="off"
        placeholder="e.g. 1 Nov 2026"
        value={text}
        aria-invalid={invalid || rangeProblem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => setText(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            apply();
          }
        }}
      />
      {invalid && (
        <span id={errorId} className="field-error" role="alert">
          Write a date as 1 Nov 2026.
        </span>
      )}
    </div>
  );
}
