import type { ExportView } from '../../../shared/views/export';

export const EXPORT_AT = Date.UTC(2026, 10, 23, 12, 0, 0);

export function exportView(overrides: Partial<ExportView> = {}): ExportView {
  return {
    id: 1,
    dataset: 'rankings',
    format: 'csv',
    filters: { charts: ['global-28'], from: '2026-11-01', to: '2026-11-20', sinceLast: false, bom: false },
    status: 'completed',
    destination: '/data/exports/rankings-20261123-120000.csv',
    rows: 4_000,
    bytes: 412_000,
    totalRows: 4_000,
    error: null,
    actor: 'ui',
    startedAt: EXPORT_AT,
    completedAt: EXPORT_AT + 2_500,
    ...overrides,
  };
}
