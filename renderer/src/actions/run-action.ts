import type { ErrorCode, Result } from '../../../shared/errors';
import type { BulkResult } from '../../../shared/views/bulk-result';
import { formatCount, formatCountOf } from '../format/numbers';
import { toast, useToasts, type ToastKind } from '../store/toast-store';

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

/** How many items a bulk toast names one by one; the rest are counted. */
const NAMED_ITEMS_MAX = 4;

/** Why an item was skipped, said after its name: the error's own message repeats the name. */
const SKIP_REASON: Partial<Record<ErrorCode, string>> = {
  not_scheduled: 'no sync schedule',
  schedule_exists: 'already scheduled',
};

/**
 * A bulk action's outcome in one toast: how many were done, skipped (nothing to do for them) and failed, then
 * the failed and skipped items by name (title, platform, country, slug: five "Top Songs" are five charts) with
 * why, so a partial failure is never reported as a success and a skip never as a failure.
 */
export function bulkToast(
  result: BulkResult,
  verb: { done: string; failed: string },
  noun: string,
): { kind: ToastKind; title: string; detail?: string } {
  const { succeeded, skipped, failed, results } = result;
  const counts = (n: number) => formatCountOf(n, noun);
  const parts = [
    ...(skipped > 0 ? [`${formatCount(skipped)} skipped`] : []),
    ...(failed > 0 ? [`${formatCount(failed)} failed`] : []),
  ];
  const title =
    succeeded > 0 || failed === 0
      ? [`${verb.done}: ${counts(succeeded)}`, ...parts].join('; ')
      : [
          `${verb.failed}: ${counts(failed)}`,
          ...(skipped > 0 ? [`${formatCount(skipped)} skipped`] : []),
        ].join('; ');
  const named = [
    ...results.flatMap((r) => (r.outcome === 'failed' ? [`${r.label}: ${r.error.message}`] : [])),
    ...results.flatMap((r) =>
      r.outcome === 'skipped' ? [`Skipped ${r.label}: ${SKIP_REASON[r.error.code] ?? r.error.message}`] : [],
    ),
  ];
  const more = named.length - NAMED_ITEMS_MAX;
  const lines = [...named.slice(0, NAMED_ITEMS_MAX), ...(more > 0 ? [`and ${formatCount(more)} more`] : [])];
  const kind: ToastKind = failed > 0 ? 'error' : succeeded === 0 ? 'info' : 'success';
  return { kind, title, ...(lines.length > 0 ? { detail: lines.join('\n') } : {}) };
}

/** Reports a bulk action in a toast (see bulkToast); a refused call says why. */
export function reportBulk(
  result: Result<BulkResult>,
  verb: { done: string; failed: string },
  noun: string,
): void {
  if (!result.ok) {
    toast.error(verb.failed, result.error);
    return;
  }
  useToasts.getState().push(bulkToast(result.value, verb, noun));
}
