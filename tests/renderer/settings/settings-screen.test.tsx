// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsScreen } from '../../../renderer/src/screens/settings/settings-screen';
import { fieldProblem } from '../../../renderer/src/screens/settings/settings-sections';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { SettingsView } from '../../../shared/views/settings';
import { sampleSettings } from '../support/sample-views';
import { installFakeClient, type FakeClient } from '../support/fake-client';

let fake: FakeClient;
let stored: SettingsView;

beforeEach(() => {
  useToasts.setState({ toasts: [] });
  fake = installFakeClient();
  stored = sampleSettings({ disabledAlertKinds: ['quota_low'] });
  fake.answer('settings/get', () => stored);
  fake.answer('webhooks/list', () => []);
  fake.answer('settings/update', (change) => {
    if (change.quotaLowPercent !== undefined && !(change.quotaLowPercent <= 100)) {
      return {
        code: 'invalid_input',
        message: 'quotaLowPercent: The quota-low percentage is at most 100.',
        fields: { quotaLowPercent: 'The quota-low percentage is at most 100.' },
      };
    }
    stored = { ...stored, ...change } as SettingsView;
    return stored;
  });
});

const alertsRegion = () => screen.findByRole('region', { name: 'Alerts' });

describe('Settings screen', () => {
  it('shows one section per capability, with a toggle per alert kind', async () => {
    render(<SettingsScreen />);
    expect(await screen.findByRole('heading', { name: 'Alerts' })).toBeTruthy();
    expect(
      (
        within(screen.getByRole('region', { name: 'Alerts' })).getByRole('checkbox', {
          name: /Sync failed/,
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect(
      (
        within(screen.getByRole('region', { name: 'Alerts' })).getByRole('checkbox', {
          name: /Quota low/,
        }) as HTMLInputElement
      ).checked,
    ).toBe(false);
    expect(within(screen.getByRole('region', { name: 'Alerts' })).getAllByRole('checkbox')).toHaveLength(7);
  });

  it('turning a kind off saves the whole list at once', async () => {
    render(<SettingsScreen />);
    fireEvent.click(
      await alertsRegion().then((r) => within(r).findByRole('checkbox', { name: /Slow sync/ })),
    );
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'settings/update')?.input).toEqual({
        disabledAlertKinds: ['quota_low', 'performance_degraded'],
      }),
    );
    await waitFor(() =>
      expect(
        (
          within(screen.getByRole('region', { name: 'Alerts' })).getByRole('checkbox', {
            name: /Slow sync/,
          }) as HTMLInputElement
        ).checked,
      ).toBe(false),
    );
    fireEvent.click(
      within(screen.getByRole('region', { name: 'Alerts' })).getByRole('checkbox', { name: /Quota low/ }),
    );
    await waitFor(() => expect(stored.disabledAlertKinds).toEqual(['performance_degraded']));
  });

  it('saves the quota threshold, and puts a refusal under its field', async () => {
    render(<SettingsScreen />);
    const percent = await screen.findByLabelText('Percent of the plan');
    fireEvent.change(percent, { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The quota-low percentage is at most 100.')).toBeTruthy();
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(stored.quotaLowPercent).toBe(10);

    fireEvent.change(percent, { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText('Requests remaining'), { target: { value: '5000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(stored).toMatchObject({ quotaLowPercent: 20, quotaLowRequests: 5000 }));
    await waitFor(() => expect(screen.queryByText('The quota-low percentage is at most 100.')).toBeNull());
  });
});

describe('Settings screen contents', () => {
  it('lists the sections in order, Connection first, and a click takes the focus to one', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    render(<SettingsScreen />);
    await screen.findByRole('region', { name: 'Syncing' });
    const contents = screen.getByRole('navigation', { name: 'Settings sections' });
    const titles = within(contents)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(titles).toEqual([
      'Connection',
      'Syncing',
      'Alerts',
      'Notifications',
      'Webhooks',
      'History',
      'Billing',
      'Desktop app',
      'Appearance',
    ]);
    fireEvent.click(within(contents).getByRole('button', { name: 'Appearance' }));
    expect(scrolled).toHaveBeenCalledOnce();
    expect(document.activeElement?.contains(screen.getByRole('region', { name: 'Appearance' }))).toBe(true);
  });

  it('follows settings saved elsewhere (settings/changed)', async () => {
    render(<SettingsScreen />);
    const days = (await screen.findByLabelText('Default history window (days)')) as HTMLInputElement;
    expect(days.value).toBe('365');
    stored = { ...stored, defaultHistoryWindowDays: 30 };
    fake.emit('settings/changed', stored);
    await waitFor(() => expect(days.value).toBe('30'));
  });
});

describe('fieldProblem', () => {
  it.each([
    [null, 'quotaLowPercent', null],
    [{ code: 'invalid_input' as const, message: 'x' }, 'quotaLowPercent', null],
    [
      { code: 'invalid_input' as const, message: 'x', fields: { quotaLowPercent: 'bad' } },
      'quotaLowPercent',
      'bad',
    ],
    [
      { code: 'invalid_input' as const, message: 'x', fields: { 'disabledAlertKinds.1': 'unknown' } },
      'disabledAlertKinds',
      'unknown',
    ],
    [
      { code: 'invalid_input' as const, message: 'x', fields: { quotaLowPercentage: 'other' } },
      'quotaLowPercent',
      null,
    ],
  ])('%j, %s → %s', (error, field, expected) => {
    expect(fieldProblem(error, field)).toBe(expected);
  });
});
