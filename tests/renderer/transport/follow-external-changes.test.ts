// @vitest-environment jsdom
import '../support/dom';
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useResync } from '../../../renderer/src/transport/api';
import { followExternalChanges } from '../../../renderer/src/transport/follow-external-changes';
import { installFakeClient } from '../support/fake-client';

describe('followExternalChanges', () => {
  it('asks for the status again and resyncs the screens when another process changed the data', () => {
    const fake = installFakeClient();
    fake.answer('app/status', () => ({ code: 'internal', message: 'not needed here' }));
    const resynced = vi.fn();
    const { unmount } = renderHook(() => useResync(resynced));
    const stop = followExternalChanges();
    fake.emit('app/external-change', {});
    expect(resynced).toHaveBeenCalledTimes(1);
    expect(fake.calls.map((c) => c.name)).toContain('app/status');
    stop();
    fake.emit('app/external-change', {});
    expect(resynced).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('does the same when the host reconnected to Soundcharts (perhaps another database)', () => {
    const fake = installFakeClient();
    fake.answer('app/status', () => ({ code: 'internal', message: 'not needed here' }));
    const resynced = vi.fn();
    const { unmount } = renderHook(() => useResync(resynced));
    const stop = followExternalChanges();
    fake.emit('app/connection-changed', { demo: false, apiUrl: 'https://customer.api.soundcharts.com' });
    expect(resynced).toHaveBeenCalledTimes(1);
    expect(fake.calls.filter((c) => c.name === 'app/status')).toHaveLength(1);
    stop();
    fake.emit('app/connection-changed', { demo: true, apiUrl: 'http://127.0.0.1:1' });
    expect(resynced).toHaveBeenCalledTimes(1);
    unmount();
  });
});
