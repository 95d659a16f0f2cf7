import type { ExecutionStatus } from '../../../shared/domain/execution';

/** An execution's status in words: the badge, the status filter and anything else that names one. */
export const EXECUTION_STATUS_LABEL: Record<ExecutionStatus, string> = {
  pending: 'Waiting',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export function ExecutionStatusBadge({ status }: { status: ExecutionStatus }) {
  return (
    <span className={`badge execution-${status}`} data-status={status}>
      {EXECUTION_STATUS_LABEL[status]}
    </span>
  );
}

/** Progress of a running execution: periods done of periods planned. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((done * 100) / total)) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={total > 0 ? `${done} of ${total} periods` : 'Planning the periods'}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
      <span className="progress-text">{total > 0 ? `${done} / ${total} periods` : 'Planning…'}</span>
    </div>
  );
}
