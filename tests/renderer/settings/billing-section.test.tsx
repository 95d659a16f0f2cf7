// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BillingSection } from '../../../renderer/src/screens/settings/billing-section';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { SettingsView } from '../../../shared/views/settings';
import { sampleSettings } from '../support/sample-views';

const SETTINGS: SettingsView = sampleSettings();

beforeEach(() => useToasts.setState({ toasts: [] }));

describe('Billing section', () => {
  it('checks the day as the engine does and saves a valid change', async () => {
    const onSave = vi.fn(async () => ({ ok: true as const, value: { ...SETTINGS, billingCycleDay: 15 } }));
    render(<BillingSection settings={SETTINGS} save={onSave} />);
    const input = screen.getByLabelText('Billing cycle starts on day');
    const save = screen.getByRole('button', { name: 'Save billing day' }) as HTMLButtonElement;
    expect((input as HTMLInputElement).value).toBe('1');
    expect(save.disabled).toBe(true);
    fireEvent.change(input, { target: { value: '31' } });
    expect(screen.getByRole('alert').textContent).toBe('The billing cycle day is between 1 and 28.');
    expect(save.disabled).toBe(true);
    fireEvent.change(input, { target: { value: '15' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(save);
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ billingCycleDay: 15 }));
    await waitFor(() =>
      expect(useToasts.getState().toasts[0]?.title).toBe('The billing cycle starts on day 15 of each month'),
    );
  });

  it('shows the engine’s refusal under the field', async () => {
    const onSave = vi.fn(async () => ({
      ok: false as const,
      error: {
        code: 'invalid_input' as const,
        message: 'The settings are not valid.',
        fields: { billingCycleDay: 'The engine refuses day 2.' },
      },
    }));
    render(<BillingSection settings={SETTINGS} save={onSave} />);
    fireEvent.change(screen.getByLabelText('Billing cycle starts on day'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save billing day' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The engine refuses day 2.'));
  });
});
