// @vitest-environment jsdom
import '../support/dom';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeText } from '../../../renderer/src/components/time-text';
import { UI_NOW } from '../support/sample-views';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(UI_NOW);
});
afterEach(() => vi.useRealTimers());

describe('TimeText', () => {
  it('reads the clock when it first renders, so a moment just past never shows as future', () => {
    // Time passes with no relative time on screen: the shared clock is not ticking.
    vi.setSystemTime(UI_NOW + 40_000);
    render(<TimeText at={UI_NOW + 10_000} />);
    expect(screen.getByText('30 seconds ago')).toBeTruthy();
  });

  it('moves on as the shared clock ticks', () => {
    render(<TimeText at={UI_NOW - 30_000} />);
    expect(screen.getByText('30 seconds ago')).toBeTruthy();
    act(() => vi.advanceTimersByTime(90_000));
    expect(document.body.textContent).toContain('2 minutes ago');
  });

  it('says Never, or what it is told, without a time', () => {
    render(<TimeText at={null} never="Paused" />);
    expect(screen.getByText('Paused')).toBeTruthy();
  });
});
