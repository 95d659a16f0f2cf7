import { useEffect, useState } from 'react';
import { DateFilter } from '../../components/date-filter';
import {
  customRangeProblem,
  RANGE_PRESETS,
  rangeDates,
  type AnalyticsRange,
  type RangePreset,
} from './analytics-range';

const PROBLEM_ID = 'analytics-range-problem';

/**
 * The dashboard's range: the last 7, 30 or 90 days, or any dates typed in the app's format. Typing one end
 * keeps the other where the range was; a range the engine would refuse is said here and not asked for.
 */
export function RangePicker({
  range,
  now,
  onChange,
}: {
  range: AnalyticsRange;
  now: number;
  onChange(range: AnalyticsRange): void;
}) {
  const shown = rangeDates(range, now);
  const [draft, setDraft] = useState<{ from: string | null; to: string | null }>(shown);
  useEffect(() => setDraft(shown), [shown.from, shown.to]);
  const problem = customRangeProblem(draft.from, draft.to);

  const change = (end: 'from' | 'to', date: string | null) => {
    const next = { ...draft, [end]: date };
    setDraft(next);
    if (next.from === null || next.to === null || customRangeProblem(next.from, next.to) !== null) return;
    onChange({ kind: 'custom', from: next.from, to: next.to });
  };
  const choose = (days: RangePreset) => onChange({ kind: 'preset', days });

  return (
    <div className="analytics-range" role="group" aria-label="Range">
      <div className="range-presets" role="group" aria-label="Last days">
        {RANGE_PRESETS.map((days) => (
          <button
            key={days}
            type="button"
            aria-pressed={range.kind === 'preset' && range.days === days}
            onClick={() => choose(days)}
          >
            {days} days
          </button>
        ))}
      </div>
      <DateFilter
        id="analytics-from"
        label="From"
        value={draft.from}
        rangeProblem={problem}
        rangeProblemId={PROBLEM_ID}
        onChange={(date) => change('from', date)}
      />
      <DateFilter
        id="analytics-to"
        label="To"
        value={draft.to}
        rangeProblem={problem}
        rangeProblemId={PROBLEM_ID}
        onChange={(date) => change('to', date)}
      />
      {problem && (
        <p id={PROBLEM_ID} className="field-error range-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
