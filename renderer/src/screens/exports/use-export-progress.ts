import { useState } from 'react';
import type { ExportProgress } from '../../../../shared/views/export';
import { useEvent } from '../../transport/api';

/**
 * The latest progress of each running export, from `export/progress`: bars move without refetching the list. An
 * export that has ended is forgotten; its row then shows the stored counts.
 */
export function useExportProgress(): ReadonlyMap<number, ExportProgress> {
  const [progress, setProgress] = useState<ReadonlyMap<number, ExportProgress>>(() => new Map());
  useEvent('export/progress', (event) => {
    setProgress((current) => new Map(current).set(event.id, event));
  });
  useEvent('export/updated', (view) => {
    if (view.status === 'running') return;
    setProgress((current) => {
      if (!current.has(view.id)) return current;
      const next = new Map(current);
      next.delete(view.id);
      return next;
    });
  });
  return progress;
}
