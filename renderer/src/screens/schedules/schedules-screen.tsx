import { useCallback, useDeferredValue, useEffect, useMemo } from 'react';
import type { ScheduleView } from '../../../../shared/views/schedule-view';
import { confirmDelete } from '../../actions/schedule-actions';
import { countSelected } from '../../components/row-selection';
import { NoMatches } from '../../components/search-toolbar';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { SelectAllHeader, SortableHeader } from '../../components/table-headers';
import { VirtualTable, type RowContext } from '../../components/virtual-table';
import { formatCount } from '../../format/numbers';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { useEvent, useResync } from '../../transport/api';
import { ScheduleBulkBar } from './schedule-bulk-bar';
import { ScheduleFilterBar } from './schedule-filter-bar';
import { filterSchedules, sortSchedules, statusCounts, type ScheduleSortKey } from './schedule-filters';
import { ScheduleCells, scheduleHref } from './schedule-row';
import { useSchedulesStore, type ActiveExecution, type ScheduleAction } from './schedules-store';
import '../../components/list-screen.css';
import './schedules.css';

/** Two lines per row (name over platform, health over its reason, relative over absolute time). */
const ROW_HEIGHT = 56;
const NO_SCHEDULES: readonly ScheduleView[] = [];

const SORTABLE: { key: ScheduleSortKey; label: string }[] = [
  { key: 'chart', label: 'Chart' },
  { key: 'frequency', label: 'Frequency' },
  { key: 'status', label: 'Status' },
  { key: 'lastSync', label: 'Last sync' },
  { key: 'nextSync', label: 'Next sync' },
  { key: 'successRate', label: 'Success' },
  { key: 'executions', label: 'Executions' },
];
/** The select column, the sortable ones and the actions: as many as the <col>s below. */
const COLUMN_COUNT = SORTABLE.length + 2;

const scheduleId = (schedule: ScheduleView) => schedule.id;

/**
 * The sync schedules (the original's Chart Sync Schedule admin): how each is doing, and the actions to pause,
 * resume, sync or delete one schedule or a selection of them.
 */
export function SchedulesScreen() {
  const schedules = useSchedulesStore((s) => s.schedules);
  const error = useSchedulesStore((s) => s.error);
  const filters = useSchedulesStore((s) => s.filters);
  const sort = useSchedulesStore((s) => s.sort);
  const selection = useSchedulesStore((s) => s.selection);
  const activeExecutions = useSchedulesStore((s) => s.activeExecutions);
  const busyRows = useSchedulesStore((s) => s.busyRows);
  const load = useSchedulesStore((s) => s.load);
  const loadActiveExecutions = useSchedulesStore((s) => s.loadActiveExecutions);
  const cancelTimers = useSchedulesStore((s) => s.cancelTimers);
  const refetchSoon = useSchedulesStore((s) => s.refetchSoon);
  const scheduleUpdated = useSchedulesStore((s) => s.scheduleUpdated);
  const scheduleRemoved = useSchedulesStore((s) => s.scheduleRemoved);
  const executionUpdated = useSchedulesStore((s) => s.executionUpdated);
  const sortBy = useSchedulesStore((s) => s.sortBy);
  const toggle = useSchedulesStore((s) => s.toggle);
  const setSelected = useSchedulesStore((s) => s.setSelected);
  const clearFilters = useSchedulesStore((s) => s.clearFilters);
  const act = useSchedulesStore((s) => s.act);

  useEffect(() => {
    void load();
    void loadActiveExecutions();
    return cancelTimers;
  }, [load, loadActiveExecutions, cancelTimers]);
  useEvent('schedule/updated', ({ scheduleId: id }) => scheduleUpdated(id));
  useEvent('schedule/removed', ({ scheduleId: id }) => scheduleRemoved(id));
  useEvent('execution/updated', executionUpdated);
  // Discovery may rename charts; the list shows their names.
  useEvent('charts/updated', refetchSoon);
  useResync(() => {
    void load();
    void loadActiveExecutions();
  });

  const deferredFilters = useDeferredValue(filters);
  const all = schedules ?? NO_SCHEDULES;
  const sorted = useMemo(() => sortSchedules(all, sort), [all, sort]);
  const rows = useMemo(() => filterSchedules(sorted, deferredFilters), [sorted, deferredFilters]);
  const counts = useMemo(() => statusCounts(all, deferredFilters.query), [all, deferredFilters.query]);
  const orderedIds = useMemo(() => rows.map(scheduleId), [rows]);
  const selectedShown = useMemo(() => countSelected(selection, orderedIds), [selection, orderedIds]);
  // Running beats waiting when a schedule has both.
  const runningBySchedule = useMemo(() => {
    const map = new Map<number, ActiveExecution['status']>();
    for (const { scheduleId: id, status } of activeExecutions.values()) {
      if (map.get(id) !== 'running') map.set(id, status);
    }
    return map;
  }, [activeExecutions]);

  const toggleId = useCallback(
    (id: number, range: boolean) => toggle(id, orderedIds, range),
    [toggle, orderedIds],
  );
  const onAction = useCallback(
    (action: ScheduleAction, schedule: ScheduleView) => {
      void (async () => {
        if (action === 'delete' && !(await confirmDelete({ chartName: schedule.chart.name }))) return;
        await act(action, [schedule.id], false);
      })();
    },
    [act],
  );
  const isSelected = useCallback((schedule: ScheduleView) => selection.ids.has(schedule.id), [selection]);
  const renderCells = useCallback(
    (schedule: ScheduleView, { active }: RowContext) => (
      <ScheduleCells
        schedule={schedule}
        selected={selection.ids.has(schedule.id)}
        active={active}
        running={runningBySchedule.get(schedule.id) ?? null}
        busy={busyRows.has(schedule.id)}
        onToggle={toggleId}
        onAction={onAction}
      />
    ),
    [selection, runningBySchedule, busyRows, toggleId, onAction],
  );

  let body;
  if (schedules === null) {
    body = error ? <ErrorState error={error} onRetry={() => void load()} /> : <Loading what="schedules" />;
  } else if (schedules.length === 0) {
    body = (
      <EmptyState title="No charts are scheduled yet">
        <p>
          Go to <a href={hrefOf({ screen: 'charts' })}>Charts</a>, select charts and choose{' '}
          <strong>Add to sync schedule</strong>.
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        {error && <RefreshError what="the schedules" error={error} onRetry={() => void load()} />}
        <ScheduleFilterBar counts={counts} />
        <ScheduleBulkBar hiddenSelected={selection.ids.size - selectedShown} />
        {rows.length === 0 ? (
          <NoMatches noun="schedules" onClear={clearFilters} />
        ) : (
          <VirtualTable
            label="Sync schedules"
            className="schedules-table"
            rows={rows}
            rowKey={scheduleId}
            rowHeight={ROW_HEIGHT}
            columnCount={COLUMN_COUNT}
            columns={
              <>
                <col className="col-select" />
                <col className="col-chart" />
                <col className="col-frequency" />
                <col className="col-status" />
                <col className="col-time" />
                <col className="col-time" />
                <col className="col-rate" />
                <col className="col-executions" />
                <col className="col-actions" />
              </>
            }
            head={
              <>
                <SelectAllHeader
                  total={rows.length}
                  selected={selectedShown}
                  noun="matching schedules"
                  onChange={(selectAll) => setSelected(orderedIds, selectAll)}
                />
                {SORTABLE.map(({ key, label }) => (
                  <SortableHeader key={key} column={key} label={label} sort={sort} onSort={sortBy} />
                ))}
                <th scope="col">Actions</th>
              </>
            }
            renderCells={renderCells}
            isSelected={isSelected}
            onToggle={(schedule, range) => toggleId(schedule.id, range)}
            onOpen={(schedule) => navigate(scheduleHref(schedule))}
          />
        )}
      </>
    );
  }

  return (
    <section className="list-screen" aria-labelledby="schedules-title">
      <header className="screen-header">
        <h2 id="schedules-title">Schedules</h2>
        {schedules !== null && schedules.length > 0 && (
          <span className="muted" role="status">
            {formatCount(rows.length)} of {formatCount(schedules.length)} schedules
          </span>
        )}
        <span className="screen-header-actions">
          <a className="button primary" href={hrefOf({ screen: 'schedule-new', chartId: null })}>
            New schedule
          </a>
        </span>
      </header>
      {body}
    </section>
  );
}
