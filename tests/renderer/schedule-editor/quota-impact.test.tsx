// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../../renderer/src/components/confirm-dialog';
import { quotaWarningNeeded } from '../../../renderer/src/screens/schedule-editor/quota-impact';
import { ScheduleEditorScreen } from '../../../renderer/src/screens/schedule-editor/schedule-editor-screen';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { CallInput } from '../../../shared/contract/calls';
import type { QuotaImpactView } from '../../../shared/views/analytics';
import { quotaImpact } from '../analytics/sample-analytics';
import { scheduleDetail } from '../schedule-detail/sample-detail';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartItem, scheduleView } from '../support/sample-views';

let fake: FakeClient;
let impactInputs: CallInput<'analytics/quota-impact'>[];
let impact: (input: CallInput<'analytics/quota-impact'>) => QuotaImpactView;

const EXHAUSTS = quotaImpact({
  afterPerMonth: 40_000,
  exhaustsBeforeCycleEnd: true,
  exhaustsAt: Date.UTC(2026, 10, 27, 12),
  message:
    'Adds about 40,000 requests a month: the 18,000 requests left would run out by 27 November, before the billing cycle ends on 1 December.',
});

beforeEach(() => {
  fake = installFakeClient();
  fake.answer('charts/list', () => [chartItem({ id: 1, name: 'Top 200 Global', frequency: 'daily' })]);
  fake.answer('schedules/create', () => ({ schedule: scheduleView({ id: 42 }), execution: null }));
  impactInputs = [];
  impact = () => quotaImpact();
  fake.answer('analytics/quota-impact', (input) => {
    impactInputs.push(input);
    return impact(input);
  });
  window.location.hash = '';
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
  // jsdom has no modal dialogs: open is enough for the dialog's content to be found.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

const line = () => screen.getByRole('status', { name: 'Quota impact' });
const creates = () => fake.calls.filter((c) => c.name === 'schedules/create');

async function openCreate() {
  render(
    <>
      <ScheduleEditorScreen mode="create" chartId={1} />
      <ConfirmDialog />
    </>,
  );
  await screen.findByRole('combobox', { name: 'Chart' });
}

describe('the schedule editor’s quota line', () => {
  it('says what the schedule adds per month, asked again as the fields change', async () => {
    await openCreate();
    await waitFor(() => expect(line().textContent).toContain('Adds about 1,240 requests a month'), {
      timeout: 3_000,
    });
    expect(impactInputs.at(-1)).toEqual({
      schedule: expect.objectContaining({ chartId: 1, syncFrequency: 'daily', historyWindowDays: 365 }),
    });

    impact = () => EXHAUSTS;
    fireEvent.change(screen.getByLabelText('History window (days)'), { target: { value: '730' } });
    await waitFor(() => expect(line().textContent).toContain('before the billing cycle ends'), {
      timeout: 3_000,
    });
    expect(line().className).toContain('quota-impact-warn');
    expect(impactInputs.at(-1)?.schedule.historyWindowDays).toBe(730);
  });

  it('asks nothing while the form has a problem', async () => {
    await openCreate();
    await waitFor(() => expect(impactInputs).toHaveLength(1), { timeout: 3_000 });
    fireEvent.change(screen.getByLabelText('History window (days)'), { target: { value: 'lots' } });
    await waitFor(() => expect(line().textContent).toContain('Fill in the fields'));
    expect(impactInputs).toHaveLength(1);
  });
});

describe('saving a schedule that would exhaust the quota', () => {
  it('explains and goes back, or saves anyway', async () => {
    impact = () => EXHAUSTS;
    await openCreate();
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('This would use up the Soundcharts quota');
    expect(dialog.textContent).toContain('This schedule adds about 40,000 requests a month');
    expect(dialog.textContent).toContain('plus 730 for its first backfill');
    expect(dialog.textContent).toContain('(18,000 left) runs out on 27 Nov 2026');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Go back' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(creates()).toHaveLength(0);
    expect(window.location.hash).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(window.location.hash).toBe('#/schedules/42'));
    expect(creates()).toHaveLength(1);
  });

  it('saves without asking when the quota holds, or cannot be projected', async () => {
    await openCreate();
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    await waitFor(() => expect(window.location.hash).toBe('#/schedules/42'));

    window.location.hash = '';
    impact = () => {
      throw new Error('unused');
    };
    fake.answer('analytics/quota-impact', () => ({ code: 'internal', message: 'Not built yet' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create schedule' }));
    await waitFor(() => expect(creates()).toHaveLength(2));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not hold up an edit that costs no more, in a plan that runs out anyway', async () => {
    const daily = scheduleView({ id: 5, historyWindowDays: 365 });
    fake.answer('schedules/get', () => scheduleDetail({ schedule: daily }));
    fake.answer('schedules/update', ({ changes }) => ({ ...daily, ...changes }) as typeof daily);
    impact = () => ({ ...EXHAUSTS, beforePerMonth: 400, afterPerMonth: 300 });
    render(
      <>
        <ScheduleEditorScreen mode="edit" scheduleId={5} />
        <ConfirmDialog />
      </>,
    );
    await screen.findByRole('button', { name: 'Save changes' });
    fireEvent.change(screen.getByLabelText('History window (days)'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(window.location.hash).toBe('#/schedules/5'));
    expect(impactInputs.at(-1)).toMatchObject({ scheduleId: 5, schedule: { historyWindowDays: 90 } });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('quotaWarningNeeded', () => {
  const original = scheduleView({ historyWindowDays: 365, isActive: false });
  it.each([
    ['a new schedule that exhausts it', EXHAUSTS, null, true],
    ['a new schedule that does not', quotaImpact(), null, false],
    [
      'an edit that costs more',
      { ...EXHAUSTS, beforePerMonth: 10 },
      { syncFrequency: 'custom' as const },
      true,
    ],
    ['an edit that costs the same', { ...EXHAUSTS, beforePerMonth: 40_000 }, { timeZone: 'UTC' }, false],
    ['activating it', { ...EXHAUSTS, beforePerMonth: 40_000 }, { isActive: true }, true],
    ['a longer window', { ...EXHAUSTS, beforePerMonth: 40_000 }, { historyWindowDays: 730 }, true],
    ['a shorter window', { ...EXHAUSTS, beforePerMonth: 40_000 }, { historyWindowDays: 30 }, false],
  ])('%s: %s', (_what, view, changes, warn) => {
    expect(quotaWarningNeeded(view, changes === null ? null : { original, changes })).toBe(warn);
  });
});
