// @vitest-environment jsdom
import '../support/dom';
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Root } from '../../../renderer/src/shell/root';
import { useApp } from '../../../renderer/src/store/app-store';
import { installFakeClient } from '../support/fake-client';

beforeEach(() => {
  window.location.hash = '#/charts';
  useApp.setState({ status: null, statusError: null, connection: 'connecting' });
  installFakeClient();
});

describe('Root', () => {
  it('replaces the app with what to do when the host refuses the token (defect 6.5)', async () => {
    render(<Root />);
    expect(screen.queryByText(/token/i)).toBeNull();
    act(() => useApp.getState().setConnection('refused'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/refused this page's access token/);
    expect(alert.textContent).toMatch(/new token each time it starts/);
    expect(alert.textContent).toMatch(/npm start.*chart-sync serve/);
    expect(screen.queryByText(/reconnecting/i)).toBeNull();
    expect(screen.queryByText(/Loading/i)).toBeNull();
  });
});
