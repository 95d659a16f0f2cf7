// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HistorySection } from '../../../renderer/src/screens/settings/history-section';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { PruneSummary } from '../../../shared/views/retention';
import type { SettingsView } from '../../../shared/views/settings';
import { sampleSettings } from '../support/sample-views';
import { installFakeClient, type FakeClient } from '../support/fake-client';

let fake: FakeClient;
const summary = (dryRun: boolean, executions: number): PruneSummary => ({
  dryRun,
  retentionDays: 365,
  cutoffAt: 0,
  counts: {
    executions,
    auditEntries: 2,
    webhookDeliveries: 0,
    webhookAttempts: 0,
    queueTasks: 0,
    apiUsageHours: 0,
    quotaSamples: 0,
  },
});

beforeEach(() => {
  fake = installFakeClient();
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
});

const SETTINGS: SettingsView = sampleSettings();
const saved = async () => ({ ok: true as const, value: SETTINGS });

const prunes = () => fake.calls.filter((c) => c.name === 'retention/prune').map((c) => c.input);

describe('History section', () => {
  it('checks the number of days as the engine does and saves a valid change', async () => {
    const onSave = vi.fn(saved);
    render(<HistorySection settings={SETTINGS} save={onSave} />);
    const input = screen.getByLabelText('Keep history for (days)');
    const save = screen.getByRole('button', { name: 'Save retention' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(input, { target: { value: '3' } });
    expect(screen.getByRole('alert').textContent).toBe('Keep history for at least 7 days.');
    fireEvent.change(input, { target: { value: '30.5' } });
    expect(screen.getByRole('alert').textContent).toMatch(/whole number of days/);
    fireEvent.change(input, { target: { value: '90' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(save);
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ retentionDays: 90 }));
    await waitFor(() => expect(useToasts.getState().toasts[0]?.title).toBe('History is kept for 90 days'));
  });

  it('previews with a dry run, and prunes only once confirmed', async () => {
    fake.answer('retention/prune', (input) => summary(input.dryRun ?? false, 3));
    render(<HistorySection settings={SETTINGS} save={saved} />);
    fireEvent.click(screen.getByRole('button', { name: 'Prune now…' }));
    await waitFor(() => expect(useConfirmStore.getState().request).not.toBeNull());
    expect(useConfirmStore.getState().request!.message).toMatch(
      /removes 3 finished executions, 2 audit entries, all older than 365 days/,
    );
    expect(prunes()).toEqual([{ dryRun: true }]);
    useConfirmStore.getState().answer(false);
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Prune now…' }) as HTMLButtonElement).disabled).toBe(false),
    );
    expect(prunes()).toEqual([{ dryRun: true }]);

    fireEvent.click(screen.getByRole('button', { name: 'Prune now…' }));
    await waitFor(() => expect(useConfirmStore.getState().request).not.toBeNull());
    useConfirmStore.getState().answer(true);
    await waitFor(() => expect(prunes()).toEqual([{ dryRun: true }, { dryRun: true }, { dryRun: false }]));
    await waitFor(() => expect(useToasts.getState().toasts.at(-1)?.title).toBe('Old history pruned'));
  });

  it('says when nothing is old enough, without asking', async () => {
    fake.answer('retention/prune', () => ({
      ...summary(true, 0),
      counts: { ...summary(true, 0).counts, auditEntries: 0 },
    }));
    render(<HistorySection settings={SETTINGS} save={saved} />);
    fireEvent.click(screen.getByRole('button', { name: 'Prune now…' }));
    await waitFor(() => expect(useToasts.getState().toasts[0]?.title).toBe('Nothing is older than 365 days'));
    expect(useConfirmStore.getState().request).toBeNull();
  });
});
