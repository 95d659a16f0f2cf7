import type { CallHandlers } from '../../../shared/contract/calls';
import type { HandlerContext } from './handler-context';

export function alertHandlers({
  alerts,
}: HandlerContext): Pick<CallHandlers, 'alerts/list' | 'alerts/mark-read' | 'alerts/unread-count'> {
  return {
    'alerts/list': (filter) => alerts.list(filter),
    'alerts/mark-read': (target) => alerts.markRead('all' in target ? { all: true } : { ids: target.ids }),
    'alerts/unread-count': () => ({ unread: alerts.unreadCount() }),
  };
}
