import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { useExportEngine } from './export-fixture';

describe('default file names', () => {
  const setup = useExportEngine();

  it('two exports started in the same second to the exports folder get two files, neither overwritten', async () => {
    const at = Date.parse('2026-12-07T10:00:00Z');
    vi.spyOn(Date, 'now').mockReturnValue(at);
    try {
      const { engine } = setup();
      const first = engine.exports.start({
        dataset: 'rankings',
        format: 'csv',
        charts: [],
        sinceLast: false,
        bom: false,
      });
      const second = engine.exports.start({
        dataset: 'rankings',
        format: 'ndjson',
        charts: [],
        sinceLast: false,
        bom: false,
      });
      const third = engine.exports.start({
        dataset: 'rankings',
        format: 'csv',
        charts: [],
        sinceLast: false,
        bom: false,
      });
      const views = await Promise.all([first, second, third].map((v) => engine.exports.finished(v.id)));
      expect(views.map((v) => v.status)).toEqual(['completed', 'completed', 'completed']);
      expect(new Set(views.map((v) => v.destination)).size).toBe(3);
      for (const view of views) expect(existsSync(view.destination)).toBe(true);
      expect(readFileSync(views[0]!.destination, 'utf8')).toMatch(/^chart_slug,/);
      expect(readFileSync(views[2]!.destination, 'utf8')).toMatch(/^chart_slug,/);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
