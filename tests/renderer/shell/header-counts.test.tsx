// @vitest-environment jsdom
import '../support/dom';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HeaderCounts } from '../../../renderer/src/shell/header-counts';
import type { AppStatus } from '../../../shared/views/app-status';
import { OTHER_STATUS, healthCounts } from '../support/sample-views';

const status = (byHealth: AppStatus['schedules']['byHealth'], running = 0): AppStatus => ({
  version: '0.1.0',
  demo: false,
  apiUrl: 'http://127.0.0.1:1',
  databaseFile: ':memory:',
  schedules: { total: 0, active: 0, overdue: byHealth.overdue, resumable: 0, byHealth },
  schemaVersion: 2,
  charts: 0,
  executions: { running, pending: 0 },
  ...OTHER_STATUS,
});

describe('HeaderCounts', () => {
  it('counts each state that needs a look, most urgent first, and leaves out the ones at zero', () => {
    const byHealth = healthCounts({
      on_time: 40,
      failing: 2,
      action_required: 1,
      retrying: 3,
      late: 1,
      never_synced: 5,
      running: 1,
    });
    render(
      <HeaderCounts
        status={{ ...status(byHealth, 1), schedules: { ...status(byHealth).schedules, active: 54 } }}
      />,
    );
    const counts = screen.getByLabelText('Schedule health');
    expect([...counts.children].map((c) => c.textContent)).toEqual([
      '54 active',
      '⛔ 1 action required',
      '✖ 2 failing',
      '↻ 3 retrying',
      '◷ 1 late',
      '1 running',
    ]);
    expect(counts.querySelector('[data-health="overdue"]')).toBeNull();
    expect(screen.getByTitle('2 schedules: failing').className).toContain('health-failing');
  });

  it('says only active and running when all is well', () => {
    render(<HeaderCounts status={status(healthCounts({ on_time: 3 }))} />);
    expect(screen.getByLabelText('Schedule health').textContent).toBe('0 active0 running');
  });
});
