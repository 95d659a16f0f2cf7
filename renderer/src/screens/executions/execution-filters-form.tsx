import { useEffect, useState } from 'react';
import { EXECUTION_STATUSES, EXECUTION_TRIGGERS } from '../../../../shared/domain/execution';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import { ChartCombobox } from '../../components/chart-combobox';
import { EXECUTION_STATUS_LABEL } from '../../components/execution-status';
import { FilterSelect } from '../../components/filter-select';
import { isFiltered, type ExecutionFilter } from './execution-filter';
import { formatCalendarDate, parseCalendarDate } from '../../format/time';
import { TRIGGER_LABEL } from './execution-labels';

/** The history's filters: status, trigger, chart, dates, and the schedule a link narrowed it to. */
export function Filters({
  filter,
  charts,
  chartsFailed,
  problem,
  onChange,
  onClear,
}: {
  filter: ExecutionFilter;
  charts: ChartListItem[] | null;
  chartsFailed: boolean;
  problem: string | null;
  onChange(change: Partial<ExecutionFilter>): void;
  onClear(): void;
}) {
  return (
    <form
      className="executions-filters"
      role="search"
      aria-label="Filter executions"
      onSubmit={(e) => e.preventDefault()}
    >
      <FilterSelect
        id="executions-status"
        label="Status"
        value={filter.status}
        all="All statuses"
        options={EXECUTION_STATUSES.map((status) => ({
          value: status,
          label: EXECUTION_STATUS_LABEL[status],
        }))}
        onChange={(status) => onChange({ status })}
      />
      <FilterSelect
        id="executions-trigger"
        label="Trigger"
        value={filter.trigger}
        all="All triggers"
        options={EXECUTION_TRIGGERS.map((trigger) => ({ value: trigger, label: TRIGGER_LABEL[trigger] }))}
        onChange={(trigger) => onChange({ trigger })}
      />
      <div className="filter">
        <label htmlFor="executions-chart">Chart</label>
        <ChartCombobox
          id="executions-chart"
          charts={charts ?? []}
          value={filter.chartId}
          onChange={(chartId) => onChange({ chartId })}
          placeholder={
            chartsFailed ? 'Charts could not be loaded' : charts ? 'All charts' : 'Loading charts…'
          }
          disabled={!charts}
        />
      </div>
      <DateFilter
        id="executions-from"
        label="From"
        value={filter.from}
        rangeProblem={problem}
        onChange={(from) => onChange({ from })}
      />
      <DateFilter
        id="executions-to"
        label="To"
        value={filter.to}
        rangeProblem={problem}
        onChange={(to) => onChange({ to })}
      />
      {filter.scheduleId !== null && (
        <span className="filter-chip">
          Schedule {filter.scheduleId}
          <button
            type="button"
            aria-label={`Stop filtering by schedule ${filter.scheduleId}`}
            onClick={() => onChange({ scheduleId: null })}
          >
            ×
          </button>
        </span>
      )}
      {isFiltered(filter) && (
        <button type="button" onClick={onClear}>
          Clear filters
        </button>
      )}
      {problem && (
        <p id="executions-date-problem" className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/**
 * A date typed in the app's own format ("1 Nov 2026", as every date on the screens reads), not the browser's
 * date input, whose display follows the machine's locale (mm/dd/yyyy here, dd.mm.yyyy there). The URL keeps the
 * ISO date; what is typed applies on Enter or on leaving the field, and a date that is not one is said so.
 */
function DateFilter({
  id,
  label,
  value,
  rangeProblem,
  onChange,
}: {
  id: string;
  label: string;
  value: string | null;
  rangeProblem: string | null;
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
  const describedBy = invalid ? errorId : rangeProblem ? 'executions-date-problem' : undefined;
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
