import { FilterSelect } from '../../components/filter-select';
import { SearchToolbar } from '../../components/search-toolbar';
import { healthText } from '../../../../shared/domain/health-labels';
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
    <SearchToolbar
      label="Filter schedules"
      searchLabel="Search schedules by chart, platform or country"
      placeholder="Search schedules (/)"
      query={filters.query}
      onQuery={setQuery}
      filtered={hasScheduleFilters(filters)}
      onClear={clearFilters}
    >
      <FilterSelect
        label="Status"
        value={filters.status}
        all="Any status"
        options={SCHEDULE_STATUSES.map((status) => ({
          value: status,
          label: `${healthText(status)} (${formatCount(counts[status])})`,
        }))}
        onChange={setStatus}
      />
    </SearchToolbar>
  );
}
