import { CHART_STATUS_LABEL } from '../../components/status-icon';
import { formatCount } from '../../format/numbers';
import { hasScheduleFilters, SCHEDULE_STATUSES, type ScheduleStatus } from './schedule-filters';
import { useSchedulesStore } from './schedules-store';

/** Search and the status filter; each status shows how many schedules matching the search have it. */
export function ScheduleFilterBar({ counts }: { counts: Record<ScheduleStatus, number> }) {
  const filters = useSchedulesStore((s) => s.filters);
  const setQuery = useSchedulesStore((s) => s.setQuery);
  const setStatus = useSchedulesStore((s) => s.setStatus);
  const clearFilters = useSchedulesStore((s) => s.clearFilters);
  return (
    <div className="toolbar" role="search" aria-label="Filter schedules">
      <input
        type="search"
        aria-label="Search schedules by chart, platform or country"
        placeholder="Search chart, platform, country…  ( / )"
        value={filters.query}
        onChange={(event) => setQuery(event.target.value)}
        data-search
      />
      <label className="filter">
        <span className="visually-hidden">Status</span>
        <select
          value={filters.status ?? ''}
          onChange={(event) =>
            setStatus(event.target.value === '' ? null : (event.target.value as ScheduleStatus))
          }
        >
          <option value="">Any status</option>
          {SCHEDULE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {CHART_STATUS_LABEL[status].icon} {CHART_STATUS_LABEL[status].label} (
              {formatCount(counts[status])})
            </option>
          ))}
        </select>
      </label>
      {hasScheduleFilters(filters) && (
        <button type="button" className="link-button" onClick={clearFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
