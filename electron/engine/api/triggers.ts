import type { ExecutionTrigger } from '../../../shared/domain/execution';

/** A sync the operator asked for: 'manual' for one item, 'bulk' when it came with others (history filters). */
export function bulkTrigger(ids: readonly number[]): ExecutionTrigger {
  return ids.length === 1 ? 'manual' : 'bulk';
}
