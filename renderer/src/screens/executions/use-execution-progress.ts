import { useState } from 'react';
import type { ExecutionProgress } from '../../../../shared/contract/events';
import { useEvent } from '../../transport/api';
import { isActive } from './execution-labels';

/**
 * The latest progress of each running execution, from `execution/progress` events: bars move per stored period
 * without refetching anything. `accept` narrows it to the executions a screen shows. An execution that has
 * finished is forgotten: its row then shows the stored counts, and a long session does not pile them up.
 */
export function useExecutionProgress(
  accept: (progress: ExecutionProgress) => boolean = () => true,
): ReadonlyMap<number, ExecutionProgress> {
  const [progress, setProgress] = useState<ReadonlyMap<number, ExecutionProgress>>(() => new Map());
  useEvent('execution/progress', (event) => {
    if (!accept(event)) return;
    setProgress((current) => new Map(current).set(event.executionId, event));
  });
  useEvent('execution/updated', (execution) => {
    if (isActive(execution.status)) return;
    setProgress((current) => {
      if (!current.has(execution.id)) return current;
      const next = new Map(current);
      next.delete(execution.id);
      return next;
    });
  });
  return progress;
}
