import { auditSummary } from '../../../../shared/domain/audit-summary';
import { AUDIT_ACTIONS, type AuditListItem, type AuditPage } from '../../../../shared/views/audit-entry';
import type { ChartListItem } from '../../../../shared/views/chart-list-item';
import { ChartCombobox } from '../../components/chart-combobox';
import { DateFilter } from '../../components/date-filter';
import { FilterSelect } from '../../components/filter-select';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { TimeText } from '../../components/time-text';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { chartExecutionsHref, hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { call, useEvent } from '../../transport/api';
import { pageRangeLabel } from '../executions/execution-filter';
import {
  ACTOR_LABEL,
  EMPTY_AUDIT_FILTER,
  actionLabel,
  auditFilterProblem,
  auditFilterToListInput,
  auditFilterToQuery,
  isAuditFiltered,
  parseAuditFilter,
  type AuditFilter,
} from './audit-filter';
import '../executions/executions.css';
import './audit.css';

/** The audit log: who did what and when, what changed, newest first; filtered, paged and live. */
export function AuditScreen({ filter: query }: { filter: Record<string, string> }) {
  const filter = parseAuditFilter(query);
  const problem = auditFilterProblem(filter);
  const page = useCallResult<AuditPage>(
    async () =>
      problem
        ? { ok: true, value: { items: [], total: 0 } }
        : call('audit/list', auditFilterToListInput(filter)),
    [new URLSearchParams(query).toString()],
  );
  const charts = useCallResult(() => call('charts/list', {}), []);
  // Every change the trail records comes with one of these events.
  const refetch = useDebouncedCallback(page.refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('execution/updated', refetch);
  useEvent('schedule/updated', refetch);
  useEvent('schedule/removed', refetch);
  useEvent('app/external-change', refetch);

  const apply = (next: AuditFilter) =>
    navigate(hrefOf({ screen: 'audit', filter: auditFilterToQuery(next) }));
  const change = (criterion: Partial<AuditFilter>) => apply({ ...filter, ...criterion, offset: 0 });
  const items = page.data.state === 'ready' ? page.data.value.items : [];

  return (
    <>
      <header className="screen-header">
        <h2>Audit log</h2>
        {page.pending && (
          <span className="refreshing" role="status">
            Updating…
          </span>
        )}
      </header>
      <AuditFilters
        filter={filter}
        charts={charts.data.state === 'ready' ? charts.data.value : null}
        problem={problem}
        onChange={change}
        onClear={() => apply(EMPTY_AUDIT_FILTER)}
      />
      {page.refreshError && (
        <RefreshError what="the audit log" error={page.refreshError} onRetry={page.refresh} />
      )}
      {page.data.state === 'loading' && <Loading what="the audit log" />}
      {page.data.state === 'error' && <ErrorState error={page.data.error} onRetry={page.reload} />}
      {page.data.state === 'ready' && items.length === 0 && (
        <EmptyState
          title={isAuditFiltered(filter) ? 'No entries match these filters' : 'Nothing recorded yet'}
        >
          {isAuditFiltered(filter) ? (
            <button type="button" onClick={() => apply(EMPTY_AUDIT_FILTER)}>
              Clear filters
            </button>
          ) : (
            <p>Every schedule change and every sync is written here as it happens.</p>
          )}
        </EmptyState>
      )}
      {page.data.state === 'ready' && items.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="audit-table">
              <caption className="visually-hidden">Audit entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Chart</th>
                  <th scope="col">What changed</th>
                  <th scope="col">See</th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages">
            <button
              type="button"
              disabled={filter.offset === 0}
              onClick={() => apply({ ...filter, offset: Math.max(0, filter.offset - items.length) })}
            >
              Previous
            </button>
            <span className="pager-status" aria-live="polite">
              {pageRangeLabel(filter.offset, items.length, page.data.value.total)}
            </span>
            <button
              type="button"
              disabled={filter.offset + items.length >= page.data.value.total}
              onClick={() => apply({ ...filter, offset: filter.offset + items.length })}
            >
              Next
            </button>
          </nav>
        </>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditListItem }) {
  const summary = auditSummary(entry);
  return (
    <tr data-audit={entry.id} data-action={entry.action}>
      <td className="time-cell">
        <TimeText at={entry.at} />
      </td>
      <td>{entry.actor ? ACTOR_LABEL[entry.actor] : '—'}</td>
      <td>
        <span className={`result-${entry.result}`}>{actionLabel(entry.action)}</span>
      </td>
      <td className="chart-cell">
        {entry.chartSlug ?? '—'}
        {entry.scheduleId !== null && !entry.scheduleExists && (
          <div className="muted cell-note">schedule deleted</div>
        )}
      </td>
      <td className="summary-cell" title={summary}>
        <span className="clamp">{summary || '—'}</span>
      </td>
      <td className="links-cell">
        {entry.executionExists && entry.executionId !== null && (
          <a href={hrefOf({ screen: 'execution-detail', id: entry.executionId })}>
            Execution #{entry.executionId}
          </a>
        )}
        {entry.scheduleExists && entry.scheduleId !== null && (
          <a href={hrefOf({ screen: 'schedule-detail', id: entry.scheduleId })}>Schedule</a>
        )}
        {!entry.scheduleExists && !entry.executionExists && entry.chartId !== null && (
          <a href={chartExecutionsHref(entry.chartId)}>Chart history</a>
        )}
      </td>
    </tr>
  );
}

function AuditFilters({
  filter,
  charts,
  problem,
  onChange,
  onClear,
}: {
  filter: AuditFilter;
  charts: ChartListItem[] | null;
  problem: string | null;
  onChange(change: Partial<AuditFilter>): void;
  onClear(): void;
}) {
  return (
    <form
      className="executions-filters"
      role="search"
      aria-label="Filter the audit log"
      onSubmit={(e) => e.preventDefault()}
    >
      <FilterSelect
        id="audit-action"
        label="Action"
        value={filter.action}
        all="All actions"
        options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
        onChange={(action) => onChange({ action })}
      />
      <div className="filter">
        <label htmlFor="audit-chart">Chart</label>
        <ChartCombobox
          id="audit-chart"
          charts={charts ?? []}
          value={filter.chartId}
          onChange={(chartId) => onChange({ chartId })}
          placeholder={charts ? 'All charts' : 'Loading charts…'}
          disabled={!charts}
        />
      </div>
      <DateFilter
        id="audit-from"
        label="From"
        value={filter.from}
        rangeProblem={problem}
        rangeProblemId="audit-date-problem"
        onChange={(from) => onChange({ from })}
      />
      <DateFilter
        id="audit-to"
        label="To"
        value={filter.to}
        rangeProblem={problem}
        rangeProblemId="audit-date-problem"
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
      {isAuditFiltered(filter) && (
        <button type="button" onClick={onClear}>
          Clear filters
        </button>
      )}
      {problem && (
        <p id="audit-date-problem" className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
