// @vitest-environment jsdom
import '../support/dom';
import { renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useThemeClass } from '../../../renderer/src/shell/use-theme-class';
import { useApp } from '../../../renderer/src/store/app-store';
import type { SettingsView } from '../../../shared/views/settings';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { sampleSettings } from '../support/sample-views';

const SETTINGS: SettingsView = sampleSettings();

let fake: FakeClient;
beforeEach(() => {
  localStorage.setItem('chart-sync-theme', 'light');
  useApp.setState({ theme: 'light' });
  fake = installFakeClient();
});

describe('the theme on <html>', () => {
  it('starts from the cache, takes the stored setting, then follows settings/changed', async () => {
    fake.answer('settings/get', () => ({ ...SETTINGS, theme: 'dark' }));
    renderHook(() => useThemeClass());
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    fake.emit('settings/changed', { ...SETTINGS, theme: 'system' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('system'));
    expect(localStorage.getItem('chart-sync-theme')).toBe('system');
  });
});
