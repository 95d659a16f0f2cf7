import { useState } from 'react';
import { ALERT_KINDS } from '../../../../shared/domain/alert-kinds';
import { ALERT_PAGE_DEFAULT, ALERT_PAGE_MAX } from '../../../../shared/domain/policies';
import type { AlertView } from '../../../../shared/views/alert';
import { FilterSelect } from '../../components/filter-select';
import { EmptyState, ErrorState, Loading, RefreshError } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { LIVE_REFETCH_DEBOUNCE_MS, useDebouncedCallback } from '../../components/use-debounced-callback';
import { ALERT_KIND_TEXT } from '../../format/alert-kinds';
import { hrefOf } from '../../routing/routes';
import { navigate } from '../../routing/use-route';
import { toast } from '../../store/toast-store';
import { call, useEvent } from '../../transport/api';
import { alertFilterParams, alertListInput, parseAlertFilter, type AlertFilter } from './alert-filter';
import { AlertRow } from './alert-row';
import './alerts.css';

const KIND_OPTIONS = ALERT_KINDS.map((kind) => ({ value: kind, label: ALERT_KIND_TEXT[kind].label }));
const READ_OPTIONS = [{ value: 'unread', label: 'Unread only' }] as const;

/** Every alert the engine raised, newest first: filter by kind and unread, mark read, open what it is about. */
export function AlertsScreen({ filter: params }: { filter: Record<string, string> }) {
  const filter = parseAlertFilter(params);
  const [limit, setLimit] = useState(ALERT_PAGE_DEFAULT);
  const { data, pending, refreshError, reload, refresh } = useCallResult(
    () => call('alerts/list', alertListInput(filter, limit)),
    [filter.unread, filter.kind, limit],
  );
  const refreshSoon = useDebouncedCallback(refresh, LIVE_REFETCH_DEBOUNCE_MS);
  useEvent('alerts/changed', refreshSoon);
  useEvent('app/external-change', refreshSoon);

  const setFilter = (next: AlertFilter) => {
    setLimit(ALERT_PAGE_DEFAULT);
    navigate(hrefOf({ screen: 'alerts', filter: alertFilterParams(next) }));
  };
  const markRead = async (input: { ids: number[] } | { all: true }) => {
    const result = await call('alerts/mark-read', input);
    if (!result.ok) toast.error('Could not mark the alerts read', result.error);
    else refresh();
  };
  const page = data.state === 'ready' ? data.value : null;

  return (
    <section className="alerts-screen" aria-labelledby="alerts-title" aria-busy={pending}>
      <div className="screen-header">
        <h2 id="alerts-title">Alerts</h2>
        {page && <span className="muted">{page.unread === 0 ? 'All read' : `${page.unread} unread`}</span>}
      </div>
      <div className="toolbar">
        <FilterSelect
          label="Kind"
          value={filter.kind}
          all="All kinds"
          options={KIND_OPTIONS}
          onChange={(kind) => setFilter({ ...filter, kind })}
        />
        <FilterSelect
          label="Read or unread"
          value={filter.unread ? 'unread' : null}
          all="Read and unread"
          options={READ_OPTIONS}
          onChange={(value) => setFilter({ ...filter, unread: value === 'unread' })}
        />
        <button
          type="button"
          className="alerts-mark-all"
          disabled={!page || page.unread === 0}
          onClick={() => void markRead({ all: true })}
        >
          Mark all read
        </button>
      </div>
      {refreshError && <RefreshError what="the alerts" error={refreshError} onRetry={refresh} />}
      {data.state === 'loading' && <Loading what="alerts" />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={reload} />}
      {page && page.alerts.length === 0 && <NoAlerts filtered={filter.unread || filter.kind !== null} />}
      {page && page.alerts.length > 0 && (
        <>
          <ul className="alert-list" aria-label="Alerts">
            {page.alerts.map((alert: AlertView) => (
              <AlertRow key={alert.id} alert={alert} onMarkRead={(a) => void markRead({ ids: [a.id] })} />
            ))}
          </ul>
          <p className="alert-list-footer muted">
            {page.alerts.length < page.total
              ? `${page.alerts.length} of ${page.total} shown`
              : `${page.total} alert${page.total === 1 ? '' : 's'}`}
            {page.alerts.length < page.total && limit < ALERT_PAGE_MAX && (
              <button type="button" onClick={() => setLimit(Math.min(ALERT_PAGE_MAX, limit * 2))}>
                Show more
              </button>
            )}
          </p>
        </>
      )}
    </section>
  );
}

function NoAlerts({ filtered }: { filtered: boolean }) {
  return filtered ? (
    <EmptyState title="No alerts match">
      <p>
        Nothing matches these filters. <a href={hrefOf({ screen: 'alerts', filter: {} })}>Show all alerts</a>.
      </p>
    </EmptyState>
  ) : (
    <EmptyState title="No alerts">
      <p>
        Failed syncs, overdue schedules, refused credentials, a low quota and slow syncs show up here. Choose
        which are recorded in <a href={hrefOf({ screen: 'settings' })}>Settings</a>.
      </p>
    </EmptyState>
  );
}
