import { useEffect, useState } from 'react';
import type { ErrorShape, Result } from '../../../../shared/errors';
import { toast } from '../../store/toast-store';

/**
 * A setting a control saves on each change (a checkbox, a radio): shown at once (a control that waits for the
 * engine feels broken), put back and said in a toast when the save fails, and following the stored value when it
 * changes elsewhere (another window, the CLI).
 */
export function useInstantSetting<T>(
  stored: T,
  save: (value: T) => Promise<Result<unknown>>,
  failure: string,
): [T, (value: T) => Promise<ErrorShape | null>] {
  const [shown, setShown] = useState(stored);
  useEffect(() => setShown(stored), [stored]);
  const change = async (value: T) => {
    setShown(value);
    const result = await save(value);
    if (result.ok) return null;
    setShown(stored);
    toast.error(failure, result.error);
    return result.error;
  };
  return [shown, change];
}
