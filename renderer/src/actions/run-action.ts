import type { Result } from '../../../shared/errors';
import type { BulkResult } from '../../../shared/views/bulk-result';
import { formatCountOf } from '../format/numbers';
import { toast } from '../store/toast-store';

/**
 * Runs one action and tells the operator how it went: a success toast with `success(value)`, or an error toast
 * titled `failure` with the engine's readable message. Returns the value, or null on failure.
 */
export async function runAction<T>(
  pending: Promise<Result<T>>,
  messages: { success: (value: T) => string; failure: string },
): Promise<T | null> {
  const result = await pending;
  if (result.ok) {
    toast.success(messages.success(result.value));
    return result.value;
  }
  toast.error(messages.failure, result.error);
  return null;
}

/**
 * A bulk action's outcome in one toast: how many succeeded, and for the failures the first few reasons
 * (the same reason is said once), so a partial failure is never reported as a success.
 */
export function reportBulk(
  result: Result<BulkResult>,
  verb: { done: string; failed: string },
  noun: string,
): void {
  if (!result.ok) {
    toast.error(verb.failed, result.error);
    return;
  }
  const { succeeded, failed, results } = result.value;
  const plural = (n: number) => formatCountOf(n, noun);
  if (failed === 0) {
    toast.success(`${verb.done}: ${plural(succeeded)}`);
    return;
  }
  const reasons = [...new Set(results.flatMap((r) => (r.ok ? [] : [r.error.message])))].slice(0, 3);
  toast.error(
    succeeded > 0
      ? `${verb.done}: ${plural(succeeded)}; ${failed} failed`
      : `${verb.failed}: ${plural(failed)}`,
    reasons.join(' '),
  );
}
