import { describe, expect, it } from 'vitest';
import { fieldPath, quotedName } from '../../../shared/schemas/shown-input';

describe('quotedName', () => {
  it.each([
    ['chart_id', '"chart_id"'],
    ['', '""'],
    ['a"b', '"a\\"b"'],
    ['k'.repeat(60), `"${'k'.repeat(60)}"`],
    ['k'.repeat(61), `"${'k'.repeat(59)}…" (61 characters)`],
    ['k'.repeat(60_000), `"${'k'.repeat(59)}…" (60,000 characters)`],
  ])('%#: %j', (name, shown) => {
    expect(quotedName(name)).toBe(shown);
  });
});

describe('fieldPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['chartId'], 'chartId'],
    [['changes', 'cronExpression'], 'changes.cronExpression'],
    [['chartIds', 3], 'chartIds.3'],
    [['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 'a.b.c.d.e.f.g.h'],
    [['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], 'a.b.c.d.e.f.…(1 level)….h.i'],
    [['x'.repeat(100)], `${'x'.repeat(59)}…`],
  ])('%j → %j', (path, shown) => {
    expect(fieldPath(path)).toBe(shown);
  });

  it('keeps a 20,000-level path short', () => {
    const path = ['id', ...Array<number>(20_000).fill(0)];
    expect(fieldPath(path)).toBe('id.0.0.0.0.0.…(19,993 levels)….0.0');
  });
});
