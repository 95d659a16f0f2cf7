import { useEffect } from 'react';
import { hrefOf } from '../routing/routes';
import { useAlerts } from '../store/alerts-store';
import { useEvent, useResync } from '../transport/api';

/** The header's bell: the unread count, live, linking to the unread alerts. */
export function AlertsBell() {
  const unread = useAlerts((s) => s.unread);
  const refreshUnread = useAlerts((s) => s.refreshUnread);
  const setUnread = useAlerts((s) => s.setUnread);
  useEffect(() => void refreshUnread(), [refreshUnread]);
  useResync(() => void refreshUnread());
  useEvent('alerts/changed', ({ unread: count }) => setUnread(count));
  useEvent('app/external-change', () => void refreshUnread());
  const count = unread ?? 0;
  const label = count === 0 ? 'Alerts: none unread' : `Alerts: ${count} unread`;
  return (
    <a
      className={`alerts-bell${count > 0 ? ' alerts-bell-unread' : ''}`}
      href={hrefOf({ screen: 'alerts', filter: count > 0 ? { unread: '1' } : {} })}
      aria-label={label}
      title={label}
    >
      <span aria-hidden="true">🔔</span>
      {count > 0 && (
        <span className="alerts-bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </a>
  );
}
