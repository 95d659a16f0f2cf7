import type { ExecutionView } from '../../../../shared/views/schedule-view';
import { runAction } from '../../actions/run-action';
import { confirm } from '../../store/confirm-store';
import { call } from '../../transport/api';

/** Starts a new execution of the same schedule; the failed one stays in the history as it was. */
export function retryExecution(execution: Pick<ExecutionView, 'id'>): Promise<ExecutionView | null> {
  return runAction(call('executions/retry', { id: execution.id }), {
    success: (started) => `Retry started: execution #${started.id}`,
    failure: `Could not retry execution #${execution.id}`,
  });
}

/** Stopping a sync halfway is deliberate, so it is confirmed first. */
export async function cancelExecution(execution: Pick<ExecutionView, 'id'>): Promise<ExecutionView | null> {
  const ok = await confirm({
    title: `Cancel execution #${execution.id}?`,
    message: 'The sync stops; the periods it has already stored are kept. Retry starts it again later.',
    confirmLabel: 'Cancel execution',
    danger: true,
  });
  if (!ok) return null;
  return runAction(call('executions/cancel', { id: execution.id }), {
    success: (cancelled) => `Execution #${cancelled.id} cancelled`,
    failure: `Could not cancel execution #${execution.id}`,
  });
}
