import type { AuditEntryView } from '../views/audit-entry';
import { describeScheduleChanges } from './schedule-changes';

const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * One line on what an audit entry says beyond its action: what an update changed, what a sync stored, why it
 * failed. The Audit screen and `chart-sync audit` print the same words.
 */
export function auditSummary(entry: Pick<AuditEntryView, 'action' | 'message' | 'detail'>): string {
  const detail = entry.detail ?? {};
  if (entry.action === 'schedule.updated') return describeScheduleChanges(detail.changes);
  if (entry.action === 'execution.completed') {
    const periods = count(detail.periodsSynced);
    const rankings = count(detail.rankingsCreated) + count(detail.rankingsUpdated);
    return `${periods} period${periods === 1 ? '' : 's'} synced, ${rankings} ranking${rankings === 1 ? '' : 's'} stored`;
  }
  return entry.message ?? '';
}
