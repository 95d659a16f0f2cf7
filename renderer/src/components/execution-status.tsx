import type { ExecutionStatus } from '../../../shared/domain/execution';

const LABEL: Record<ExecutionStatus, string> = {
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
      {LABEL[status]}
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
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
      <span className="progress-text">{total > 0 ? `${done} / ${total} periods` : 'Planning…'}</span>
    </div>
  );
}
