import { afterEach, describe, expect, it, vi } from 'vitest';
import { printJson } from '../../electron/cli/output';
import { restBody } from '../../electron/engine/server/rest-api';

afterEach(() => {
  vi.restoreAllMocks();
});

const AT = Date.parse('2026-03-01T08:00:00.250Z');

describe('printJson (every --json answer)', () => {
  it('gives times as ISO 8601 with the offset, as the REST answers do, and keeps durations in ms', () => {
    let written = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written += String(chunk);
      return true;
    });
    const view = { id: 3, createdAt: AT, completedAt: null, durationMs: 41_250, timeline: [{ at: AT }] };
    printJson(view);
    const printed = JSON.parse(written) as { createdAt: string; timeline: { at: string }[] };
    expect(printed).toMatchObject({ id: 3, completedAt: null, durationMs: 41_250 });
    expect(printed.createdAt).toMatch(/^2026-03-01T\d{2}:\d{2}:00\.250[+-]\d{2}:\d{2}$/);
    expect(Date.parse(printed.createdAt)).toBe(AT);
    // One converter: the REST answer carries the same strings, under snake_case names.
    expect(restBody(view)).toEqual({
      id: 3,
      created_at: printed.createdAt,
      completed_at: null,
      duration_ms: 41_250,
      timeline: [{ at: printed.timeline[0]!.at }],
    });
  });
});
