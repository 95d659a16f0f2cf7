// @vitest-environment jsdom
import '../support/dom';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ScheduleEditorScreen } from '../../../renderer/src/screens/schedule-editor/schedule-editor-screen';
import { useToasts } from '../../../renderer/src/store/toast-store';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartItem, scheduleView, sampleSettings } from '../support/sample-views';
import { scheduleDetail } from '../schedule-detail/sample-detail';

let fake: FakeClient;

const charts = [
  chartItem({ id: 1, name: 'Top 200 Global', frequency: 'daily' }),
  chartItem({ id: 2, name: 'Top 50 France', frequency: 'weekly', countryCode: 'FR', countryName: 'France' }),
  chartItem({ id: 3, name: 'Already Scheduled', scheduleId: 9, syncStatus: 'active' }),
];

beforeEach(() => {
  fake = installFakeClient();
  fake.answer('charts/list', () => charts);
  window.location.hash = '';
  useToasts.setState({ toasts: [] });
});

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
const save = (label = 'Create schedule') => fireEvent.click(screen.getByRole('button', { name: label }));

/** The message shown for a field, found the way assistive technology finds it: through aria-describedby. */
function problemOf(element: HTMLElement): string | null {
  if (element.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ');
  return (
    ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'))
      ?.textContent ?? null
  );
}

async function openCreate(chartId: number | null = 1) {
  render(<ScheduleEditorScreen mode="create" chartId={chartId} />);
  await screen.findByRole('combobox', { name: 'Chart' });
}

describe('creating a schedule', () => {
  it("preselects the chart, offers only unscheduled charts and defaults to the chart's own frequency", async () => {
    await openCreate(2);
    const picker = screen.getByRole('combobox', { name: 'Chart' }) as HTMLInputElement;
    expect(picker.value).toBe('Top 50 France · spotify · France');
    expect(field('Frequency').value).toBe('weekly');
    expect(screen.getByText(/Chart's own frequency/)).toBeTruthy();

    fireEvent.change(picker, { target: { value: 'top' } });
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining('Top 200 Global'),
      expect.stringContaining('Top 50 France'),
    ]);
    fireEvent.click(options[0]!);
    expect(picker.value).toBe('Top 200 Global · spotify · Global');
    // The frequency follows the chart until the operator picks one.
    expect(field('Frequency').value).toBe('daily');
  });

  it('says when the linked chart already has a schedule', async () => {
    await openCreate(3);
    expect(screen.getByText(/already has a schedule/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'edit that one' }).getAttribute('href')).toBe(
      '#/schedules/9/edit',
    );
  });

  it('validates custom hours as they are typed', async () => {
    await openCreate();
    fireEvent.change(field('Frequency'), { target: { value: 'custom' } });
    type('Interval in hours', '0');
    expect(problemOf(field('Interval in hours'))).toMatch(/at least 1 hour/);
    type('Interval in hours', '9000');
    expect(problemOf(field('Interval in hours'))).toMatch(/at most 8784 hours/);
    type('Interval in hours', '6');
    expect(problemOf(field('Interval in hours'))).toBeNull();
  });

  it('names a bad cron expression and a bad time zone under their fields', async () => {
    await openCreate();
    fireEvent.change(field('Frequency'), { target: { value: 'cron' } });
    type('Cron expression', '0 6 * *');
    expect(problemOf(field('Cron expression'))).toMatch(
      /has 4 fields\. A cron expression has five fields: minute hour day-of-month month day-of-week/,
    );
    type('Cron expression', '* * * * *');
    expect(problemOf(field('Cron expression'))).toMatch(
      /^Cron expression "\* \* \* \* \*" runs 1 minute apart; runs must be at least 1 hour apart/,
    );
    type('Cron expression', '0 6 * * *');
    expect(problemOf(field('Cron expression'))).toBeNull();
    type('Time zone', 'Mars/Olympus');
    expect(problemOf(field('Time zone'))).toMatch(/"Mars\/Olympus" is not a known IANA time zone/);
  });

  it('on Save without a chart, reports the problem and focuses the chart picker', async () => {
    await openCreate(null);
    save();
    const picker = screen.getByRole('combobox', { name: 'Chart' });
    expect(problemOf(picker)).toBe('Choose the chart to schedule.');
    expect(screen.getByRole('alert').textContent).toMatch(/Choose the chart to schedule/);
    expect(document.activeElement).toBe(picker);
    expect(fake.calls.some((c) => c.name === 'schedules/create')).toBe(false);
  });

  it('previews the next five cron runs in the chosen zone, updating as the expression is typed', async () => {
    await openCreate();
    fireEvent.change(field('Frequency'), { target: { value: 'cron' } });
    type('Time zone', 'Europe/Paris');
    type('Cron expression', '0 6 * * *');
    let runs = within(screen.getByTestId('next-runs')).getAllByRole('listitem');
    expect(runs).toHaveLength(5);
    for (const run of runs) expect(run.textContent).toMatch(/, 06:00 \((in|tomorrow)/);
    expect(screen.getByText(/the schedule's zone, Europe\/Paris/)).toBeTruthy();

    type('Cron expression', '30 5 * * 1');
    runs = within(screen.getByTestId('next-runs')).getAllByRole('listitem');
    expect(runs).toHaveLength(5);
    for (const run of runs) expect(run.textContent).toMatch(/^Mon .*, 05:30/);

    type('Cron expression', '30 5 * *');
    expect(screen.queryByTestId('next-runs')).toBeNull();
    expect(screen.getByText(/No runs to show yet/)).toBeTruthy();
  });

  it("prefills the history window from the operator's default (Settings), and sends it", async () => {
    fake.answer('settings/get', () => sampleSettings({ defaultHistoryWindowDays: 90 }));
    fake.answer('schedules/create', () => ({
      schedule: scheduleView({ id: 43, chart: charts[0]! }),
      execution: null,
    }));
    await openCreate();
    expect(field('History window (days)').value).toBe('90');
    save();
    await waitFor(() => expect(window.location.hash).toBe('#/schedules/43'));
    expect(fake.calls.find((c) => c.name === 'schedules/create')?.input).toMatchObject({
      historyWindowDays: 90,
    });
  });

  it('keeps the built-in default when the settings cannot be read', async () => {
    await openCreate();
    expect(fake.calls.some((c) => c.name === 'settings/get')).toBe(true);
    expect(field('History window (days)').value).toBe('365');
  });

  it('sends the form as schedules/create input and opens the new schedule', async () => {
    fake.answer('schedules/create', () => ({
      schedule: scheduleView({ id: 42, chart: charts[0]! }),
      execution: null,
    }));
    await openCreate();
    fireEvent.change(field('Frequency'), { target: { value: 'cron' } });
    type('Cron expression', '0 6 * * *');
    type('Time zone', 'Asia/Tokyo');
    type('History window (days)', '90');
    fireEvent.click(screen.getByLabelText('Sync immediately'));
    fireEvent.click(screen.getByLabelText('Fetch track metadata'));
    save();

    await waitFor(() => expect(window.location.hash).toBe('#/schedules/42'));
    expect(fake.calls.find((c) => c.name === 'schedules/create')?.input).toEqual({
      chartId: 1,
      syncFrequency: 'cron',
      cronExpression: '0 6 * * *',
      timeZone: 'Asia/Tokyo',
      isActive: true,
      syncImmediately: true,
      syncHistoricalData: true,
      fetchTrackMetadata: false,
      historyWindowDays: 90,
    });
    expect(useToasts.getState().toasts.map((t) => t.title)).toContain('Schedule created for Top 200 Global');
  });

  it("puts the engine's field errors on their fields", async () => {
    fake.answer('schedules/create', () => ({
      code: 'invalid_input' as const,
      message: 'The schedule is not valid.',
      fields: { historyWindowDays: 'The engine wants fewer days.' },
    }));
    await openCreate();
    save();
    await waitFor(() =>
      expect(problemOf(field('History window (days)'))).toBe('The engine wants fewer days.'),
    );
    expect(document.activeElement).toBe(field('History window (days)'));
    expect(window.location.hash).toBe('');
  });
});

describe('editing a schedule', () => {
  const cron = scheduleView({
    id: 5,
    syncFrequency: 'cron',
    cronExpression: '0 6 * * *',
    timeZone: 'Europe/Paris',
    historyWindowDays: 365,
  });

  async function openEdit() {
    fake.answer('schedules/get', () => scheduleDetail({ schedule: cron }));
    render(<ScheduleEditorScreen mode="edit" scheduleId={5} />);
    await screen.findByRole('button', { name: 'Save changes' });
  }

  it('prefills the form and sends only what changed', async () => {
    fake.answer('schedules/update', ({ changes }) => ({ ...cron, ...changes }) as typeof cron);
    await openEdit();
    expect(field('Cron expression').value).toBe('0 6 * * *');
    expect(field('Time zone').value).toBe('Europe/Paris');
    expect(screen.queryByLabelText('Sync immediately')).toBeNull();

    type('History window (days)', '120');
    fireEvent.click(screen.getByLabelText('Active'));
    save('Save changes');

    await waitFor(() => expect(window.location.hash).toBe('#/schedules/5'));
    expect(fake.calls.find((c) => c.name === 'schedules/update')?.input).toEqual({
      id: 5,
      changes: { historyWindowDays: 120, isActive: false },
    });
  });

  it('maps "changes."-prefixed server errors onto the fields', async () => {
    fake.answer('schedules/update', () => ({
      code: 'invalid_input' as const,
      message: 'The change is not valid.',
      fields: { 'changes.timeZone': 'That zone is not allowed here.' },
    }));
    await openEdit();
    type('Time zone', 'Europe/London');
    save('Save changes');
    await waitFor(() => expect(problemOf(field('Time zone'))).toBe('That zone is not allowed here.'));
    expect(screen.getByRole('alert').textContent).toMatch(/That zone is not allowed here/);
    // Typing again clears the engine's message: it was about the old value.
    type('Time zone', 'Europe/Berlin');
    expect(problemOf(field('Time zone'))).toBeNull();
  });

  it('says so when the schedule does not exist', async () => {
    fake.answer('schedules/get', () => ({
      code: 'not_found' as const,
      message: 'Schedule 5 does not exist.',
    }));
    render(<ScheduleEditorScreen mode="edit" scheduleId={5} />);
    expect(await screen.findByText('Schedule 5 does not exist')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the schedules' }).getAttribute('href')).toBe(
      '#/schedules',
    );
  });
});

describe('charts that can get a schedule', () => {
  it('follow the catalogue and schedules changed elsewhere, keeping what was typed', async () => {
    await openCreate(null);
    type('History window (days)', '90');
    fake.answer('charts/list', () => [...charts, chartItem({ id: 4, name: 'Fresh Chart' })]);
    act(() => fake.emit('charts/updated', { created: 1, updated: 0 }));
    const picker = screen.getByRole('combobox', { name: 'Chart' });
    fireEvent.change(picker, { target: { value: 'fresh' } });
    expect(await screen.findByRole('option', { name: /Fresh Chart/ })).toBeTruthy();
    expect(field('History window (days)').value).toBe('90');
  });
});

describe('engine errors the form has no field for', () => {
  it('are shown beside the field errors, not dropped', async () => {
    fake.answer('schedules/create', () => ({
      code: 'invalid_input' as const,
      message: 'The schedule is not valid.',
      fields: {
        historyWindowDays: 'The engine wants fewer days.',
        createdBy: 'The operator name is too long.',
      },
    }));
    await openCreate();
    save();
    await waitFor(() =>
      expect(problemOf(field('History window (days)'))).toBe('The engine wants fewer days.'),
    );
    expect(screen.getByRole('alert').textContent).toMatch(/The operator name is too long\./);
  });
});
