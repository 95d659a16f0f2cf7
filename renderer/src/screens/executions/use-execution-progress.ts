import { useState } from 'react';
import type { ExecutionProgress } from '../../../../shared/contract/events';
import { useEvent } from '../../transport/api';

/**
 * The latest progress of each running execution, from `execution/progress` events: bars move per stored period
 * without refetching anything. `accept` narrows it to the executions a screen shows.
 */
export function useExecutionProgress(
  accept: (progress: ExecutionProgress) => boolean = () => true,
): ReadonlyMap<number, ExecutionProgress> {
  const [progress, setProgress] = useState<ReadonlyMap<number, ExecutionProgress>>(() => new Map());
  useEvent('execution/progress', (event) => {
    if (!accept(event)) return;
    setProgress((current) => new Map(current).set(event.executionId, event));
  });
  return progress;
}
