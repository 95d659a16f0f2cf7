import { ALERT_KINDS, type AlertKind } from '../../../../shared/domain/alert-kinds';
import type { CallInput } from '../../../../shared/contract/calls';
import type { AlertView } from '../../../../shared/views/alert';
import { hrefOf } from '../../routing/routes';

/** The Alerts screen's filter, kept in the URL (`#/alerts?unread=1&kind=sync_failed`) so it survives a reload. */
export type AlertFilter = { unread: boolean; kind: AlertKind | null };

export function parseAlertFilter(params: Record<string, string>): AlertFilter {
  const kind = ALERT_KINDS.find((k) => k === params.kind) ?? null;
  return { unread: params.unread === '1' || params.unread === 'true', kind };
}

export function alertFilterParams(filter: AlertFilter): Record<string, string> {
  return {
    ...(filter.unread ? { unread: '1' } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
}

export function alertListInput(filter: AlertFilter, limit: number): CallInput<'alerts/list'> {
  return {
    limit,
    ...(filter.unread ? { unread: true } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
}

/** Where an alert leads: its execution, else its schedule, else nowhere (quota and credentials are app-wide). */
export function alertTarget(alert: AlertView): { href: string; label: string } | null {
  if (alert.executionId !== null) {
    return {
      href: hrefOf({ screen: 'execution-detail', id: alert.executionId }),
      label: 'Open the execution',
    };
  }
  if (alert.scheduleId !== null) {
    return { href: hrefOf({ screen: 'schedule-detail', id: alert.scheduleId }), label: 'Open the schedule' };
  }
  return null;
}
