import { describe, expect, it } from 'vitest';
import { NOTHING_TO_RESUME } from '../../electron/engine/api/all-schedules-handlers';
import type { BulkResult } from '../../shared/views/bulk-result';
import type { ScheduleView } from '../../shared/views/schedule-view';
import { useCli } from './run-cli';

describe('chart-sync schedules pause-all | resume-all | sync-due', () => {
  const { cli } = useCli();
  const active = async () =>
    (JSON.parse((await cli('schedules', 'list', '--json')).stdout) as ScheduleView[])
      .filter((s) => s.isActive)
      .map((s) => s.chart.slug)
      .sort();

  it('pauses every active schedule, resumes exactly those, then says there is nothing to resume', async () => {
    // The demo's schedules, plus one the operator paused before.
    expect((await cli('schedules', 'add', 'global-100', '--history-days', '3')).code).toBe(0);
    expect((await cli('schedules', 'pause', 'global-100')).code).toBe(0);
    const before = await active();
    expect(before.length).toBeGreaterThan(0);

    const paused = await cli('schedules', 'pause-all');
    expect(paused.code).toBe(0);
    expect(paused.stdout).toMatch(new RegExp(`^Paused ${before.length} schedules?: .*\\.\\n`));
    expect(paused.stdout).toContain('`chart-sync schedules resume-all` resumes exactly these.');
    expect(await active()).toEqual([]);
    expect((await cli('schedules', 'pause-all')).stdout).toBe('No schedule is active: nothing to pause.\n');
    // The status says how many Resume all would bring back (not the one paused by hand).
    expect((await cli('status')).stdout).toContain(
      `${before.length} by Pause all: \`chart-sync schedules resume-all\``,
    );

    const resumed = await cli('schedules', 'resume-all', '--json');
    expect(resumed.code).toBe(0);
    expect((JSON.parse(resumed.stdout) as BulkResult).succeeded).toBe(before.length);
    expect(await active()).toEqual(before);
    expect((await cli('status')).stdout).not.toContain('by Pause all');

    const nothing = await cli('schedules', 'resume-all');
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain(NOTHING_TO_RESUME);
  });

  it("sync-due starts what waits (the demo's first syncs), waits for it, then has nothing to do", async () => {
    const due = await cli('schedules', 'sync-due', '--json');
    expect(due.code).toBe(0);
    const result = JSON.parse(due.stdout) as BulkResult & { executions: { status: string }[] };
    expect(result.succeeded).toBe(result.results.length);
    expect(result.executions.map((e) => e.status)).toEqual(result.results.map(() => 'completed'));

    const again = await cli('schedules', 'sync-due');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Nothing is due: every active schedule waits for its next slot.\n');
  });
});
