import type { ExecutionPage } from '../../../../shared/views/execution-list';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { call, useEvent } from '../../transport/api';
import {
  EMPTY_FILTER,
  filterProblem,
  filterToListInput,
  filterToQuery,
  isFiltered,
  pageRangeLabel,
  parseExecutionFilter,
  withCriterion,
  type ExecutionFilter,
} from './execution-filter';
import { Filters } from './execution-filters-form';
import { ExecutionsTable } from './executions-table';
import { useExecutionProgress } from './use-execution-progress';
import './executions.css';

/** Every sync execution, newest first: the original's execution history and monitoring, filterable and live. */
export function ExecutionsScreen({ filter: query }: { filter: Record<string, string> }) {
  const queryKey = new URLSearchParams(query).toString();
  const filter = parseExecutionFilter(query);
  const problem = filterProblem(filter);
  // A range that cannot match is said next to the dates, and the engine is not asked.
  const page = useCallResult<ExecutionPage>(
    async () =>
      problem
        ? { ok: true, value: { items: [], total: 0 } }
        : call('executions/list', filterToListInput(filter)),
    [queryKey],
  );
  const charts = useCallResult(() => call('charts/list', {}), []);
  // Discovery adds charts to pick from.
  useEvent('charts/updated', charts.refresh);
  const progress = useExecutionProgress();
  const refetch = useDebouncedCallback(page.refresh, LIVE_REFETCH_DEBOUNCE_MS);
  // A new execution or a status change may add, move or drop a row of this page; refetch rather than guess.
  useEvent('execution/updated', refetch);
  // A deleted schedule takes its executions with it.
  useEvent('schedule/removed', refetch);

  const apply = (next: ExecutionFilter) =>
    navigate(hrefOf({ screen: 'executions', filter: filterToQuery(next) }));
  const change = (criterion: Partial<ExecutionFilter>) => apply(withCriterion(filter, criterion));

  return (
    <>
      <header className="screen-header">
        <h2>Executions</h2>
        {page.pending && (
          <span className="refreshing" role="status">
            Updating…
          </span>
        )}
      </header>
      <Filters
        filter={filter}
        charts={charts.data.state === 'ready' ? charts.data.value : null}
        chartsFailed={charts.data.state === 'error'}
        problem={problem}
        onChange={change}
        onClear={() => apply(EMPTY_FILTER)}
      />
      {page.refreshError && (
        <RefreshError what="the executions" error={page.refreshError} onRetry={page.refresh} />
      )}
      {page.data.state === 'loading' && <Loading what="executions" />}
      {page.data.state === 'error' && <ErrorState error={page.data.error} onRetry={page.reload} />}
      {page.data.state === 'ready' &&
        (page.data.value.items.length === 0 ? (
          <NoRows
            filtered={isFiltered(filter)}
            total={page.data.value.total}
            onClear={() => apply(EMPTY_FILTER)}
            onFirstPage={() => apply({ ...filter, offset: 0 })}
          />
        ) : (
          <>
            <ExecutionsTable
              executions={page.data.value.items}
              progress={progress}
              showChart
              onChanged={page.refresh}
              caption="Executions, newest first"
            />
            <Pager
              filter={filter}
              shown={page.data.value.items.length}
              total={page.data.value.total}
              onPage={(offset) => apply({ ...filter, offset })}
            />
          </>
        ))}
    </>
  );
}

function NoRows({
  filtered,
  total,
  onClear,
  onFirstPage,
}: {
  filtered: boolean;
  total: number;
  onClear(): void;
  onFirstPage(): void;
}) {
  if (total > 0) {
    return (
      <EmptyState title="This page is past the end of the list">
        <p>There are {total.toLocaleString('en')} executions in all.</p>
        <button type="button" onClick={onFirstPage}>
          Go to the first page
        </button>
      </EmptyState>
    );
  }
  if (filtered) {
    return (
      <EmptyState title="No executions match these filters">
        <p>Widen the dates or choose another status, trigger or chart.</p>
        <button type="button" onClick={onClear}>
          Clear filters
        </button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No executions yet">
      <p>
        Schedules run on their own; <strong>Sync now</strong> on a schedule starts one at once. See the{' '}
        <a href={hrefOf({ screen: 'schedules' })}>schedules</a>.
      </p>
    </EmptyState>
  );
}

function Pager({
  filter,
  shown,
  total,
  onPage,
}: {
  filter: ExecutionFilter;
  shown: number;
  total: number;
  onPage(offset: number): void;
}) {
  const { offset, limit } = filter;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span className="pager-status" aria-live="polite">
        {pageRangeLabel(offset, shown, total)}
      </span>
      <button type="button" disabled={offset + shown >= total} onClick={() => onPage(offset + limit)}>
        Next
      </button>
    </nav>
  );
}
