import type { AlertView } from '../../../../shared/views/alert';
import { TimeText } from '../../components/time-text';
import { ALERT_KIND_TEXT, SEVERITY_ICON } from '../../format/alert-kinds';
import { alertTarget } from './alert-filter';

/** One alert: severity, kind, what happened, about which chart, how often, and where to look. */
export function AlertRow({ alert, onMarkRead }: { alert: AlertView; onMarkRead(alert: AlertView): void }) {
  const severity = SEVERITY_ICON[alert.severity];
  const target = alertTarget(alert);
  const unread = alert.readAt === null;
  return (
    <li
      className={`alert-row alert-${alert.severity}${unread ? ' alert-unread' : ''}`}
      data-alert-id={alert.id}
    >
      <span className="alert-severity" role="img" aria-label={severity.label} title={severity.label}>
        {severity.icon}
      </span>
      <div className="alert-body">
        <div className="alert-title">
          <strong>{ALERT_KIND_TEXT[alert.kind].label}</strong>
          {alert.chart && <span className="alert-chart">{alert.chart.slug}</span>}
          {alert.count > 1 && (
            <span className="alert-count" title={`Seen ${alert.count} times`}>
              ×{alert.count}
            </span>
          )}
          {alert.resolvedAt !== null && alert.kind !== 'sync_recovered' && (
            <span className="alert-resolved">Resolved</span>
          )}
          {unread && <span className="visually-hidden">Unread</span>}
        </div>
        <p className="alert-message">{alert.message}</p>
        <div className="alert-meta muted">
          <TimeText at={alert.lastSeenAt} />
          {alert.count > 1 && (
            <span>
              first <TimeText at={alert.createdAt} />
            </span>
          )}
        </div>
      </div>
      <div className="alert-actions">
        {target && <a href={target.href}>{target.label}</a>}
        {unread && (
          <button type="button" onClick={() => onMarkRead(alert)}>
            Mark read
          </button>
        )}
      </div>
    </li>
  );
}
