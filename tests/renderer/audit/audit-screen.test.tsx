// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditScreen } from '../../../renderer/src/screens/audit/audit-screen';
import { auditFilterToListInput, parseAuditFilter } from '../../../renderer/src/screens/audit/audit-filter';
import type { AuditListItem } from '../../../shared/views/audit-entry';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartItem, UI_NOW } from '../support/sample-views';

let fake: FakeClient;

const entry = (overrides: Partial<AuditListItem>): AuditListItem => ({
  id: 1,
  at: UI_NOW - 60_000,
  action: 'schedule.updated',
  chartId: 1,
  chartSlug: 'top-200-global',
  scheduleId: 4,
  executionId: null,
  trigger: 'operator',
  actor: 'ui',
  result: 'ok',
  message: null,
  detail: { changes: { historyWindowDays: { from: 365, to: 30 } } },
  executionExists: false,
  scheduleExists: true,
  ...overrides,
});

const updated = entry({ id: 3 });
const completed = entry({
  id: 2,
  action: 'execution.completed',
  executionId: 9,
  actor: 'scheduler',
  trigger: 'scheduled',
  detail: { periodsSynced: 2, rankingsCreated: 2 },
  executionExists: true,
});
const deleted = entry({
  id: 1,
  action: 'schedule.deleted',
  actor: 'rest',
  chartId: 2,
  chartSlug: 'fr-weekly',
  scheduleId: 7,
  detail: { settings: {} },
  scheduleExists: false,
});

beforeEach(() => {
  fake = installFakeClient();
  fake.answer('charts/list', () => [chartItem({ id: 1 }), chartItem({ id: 2, name: 'Top France' })]);
  fake.answer('audit/list', () => ({ items: [updated, completed, deleted], total: 3 }));
  window.location.hash = '';
});

const rowOf = (id: number) => document.querySelector(`tr[data-audit="${id}"]`) as HTMLElement;

async function open(filter: Record<string, string> = {}) {
  render(<AuditScreen filter={filter} />);
  await screen.findByRole('table', { name: /Audit entries/ });
}

describe('Audit screen', () => {
  it('shows who did what, what changed, and links only to what still exists', async () => {
    await open();
    const update = within(rowOf(3));
    expect(update.getByText('Screens')).toBeTruthy();
    expect(update.getByText('Schedule updated')).toBeTruthy();
    expect(update.getByText('history window (days): 365 → 30')).toBeTruthy();
    expect(update.getByRole('link', { name: 'Schedule' }).getAttribute('href')).toBe('#/schedules/4');

    const sync = within(rowOf(2));
    expect(sync.getByText('Scheduler')).toBeTruthy();
    expect(sync.getByText('2 periods synced, 2 rankings stored')).toBeTruthy();
    expect(sync.getByRole('link', { name: 'Execution #9' }).getAttribute('href')).toBe('#/executions/9');

    const gone = within(rowOf(1));
    expect(gone.getByText('REST API')).toBeTruthy();
    expect(gone.getByText('schedule deleted')).toBeTruthy();
    expect(gone.queryByRole('link', { name: 'Schedule' })).toBeNull();
    expect(gone.getByRole('link', { name: 'Chart history' }).getAttribute('href')).toBe(
      '#/executions?chartId=2',
    );
  });

  it('asks for the filters of the URL, and a changed filter goes into the URL from the first page', async () => {
    await open({
      action: 'schedule.updated',
      chartId: '1',
      from: '2026-11-01',
      to: '2026-11-30',
      offset: '100',
    });
    expect(fake.calls.filter((c) => c.name === 'audit/list').at(-1)!.input).toEqual({
      action: 'schedule.updated',
      chartId: 1,
      since: new Date(2026, 10, 1).getTime(),
      until: new Date(2026, 11, 1).getTime(),
      limit: 100,
      offset: 100,
    });
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'execution.failed' } });
    expect(window.location.hash).toBe(
      '#/audit?action=execution.failed&chartId=1&from=2026-11-01&to=2026-11-30',
    );
  });

  it('says a reversed date range is wrong instead of asking the engine', async () => {
    render(<AuditScreen filter={{ from: '2026-11-30', to: '2026-11-01' }} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/"from" date is after the "to" date/);
    expect(fake.calls.some((c) => c.name === 'audit/list')).toBe(false);
    expect(await screen.findByText('No entries match these filters')).toBeTruthy();
  });

  it('refetches when the engine records something new', async () => {
    await open();
    const before = fake.calls.filter((c) => c.name === 'audit/list').length;
    fake.emit('schedule/updated', { scheduleId: 4 });
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.name === 'audit/list').length).toBeGreaterThan(before),
    );
  });
});

describe('audit filter in the URL', () => {
  it.each([
    { query: {}, input: { limit: 100, offset: 0 } },
    { query: { action: 'nonsense', chartId: 'x', offset: '-1' }, input: { limit: 100, offset: 0 } },
    { query: { scheduleId: '7', offset: '200' }, input: { scheduleId: 7, limit: 100, offset: 200 } },
    {
      query: { from: '2026-02-31', to: '2026-03-01' },
      input: { until: new Date(2026, 2, 2).getTime(), limit: 100, offset: 0 },
    },
  ])('$query', ({ query, input }) => {
    expect(auditFilterToListInput(parseAuditFilter(query as Record<string, string>))).toEqual(input);
  });
});
