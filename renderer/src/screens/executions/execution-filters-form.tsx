import { EXECUTION_STATUSES, EXECUTION_TRIGGERS } from '../../../../shared/domain/execution';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import { ChartCombobox } from '../../components/chart-combobox';
import { DateFilter } from '../../components/date-filter';
import { EXECUTION_STATUS_LABEL } from '../../components/execution-status';
import { FilterSelect } from '../../components/filter-select';
import { isFiltered, type ExecutionFilter } from './execution-filter';
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
        rangeProblemId="executions-date-problem"
        onChange={(from) => onChange({ from })}
      />
      <DateFilter
        id="executions-to"
        label="To"
        value={filter.to}
        rangeProblem={problem}
        rangeProblemId="executions-date-problem"
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
