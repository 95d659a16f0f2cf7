// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChartListItem } from '../../../shared/views/chart-list-item';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { chartItem } from '../support/sample-views';
import { renderCharts, resetChartsUi } from './render-charts';

const COUNT = 10_000;
// Zero-padded so name order is id order, whatever the collation.
const name = (id: number) => `Chart ${String(id).padStart(5, '0')}`;
const BIG: ChartListItem[] = Array.from({ length: COUNT }, (_, i) =>
  chartItem({
    id: i + 1,
    name: name(i + 1),
    slug: `chart-${i + 1}`,
    platform: ['spotify', 'apple-music', 'deezer'][i % 3]!,
    scheduleId: i % 2 === 0 ? 50_000 + i : null,
    syncStatus: i % 2 === 0 ? 'active' : 'not_scheduled',
    health: i % 2 === 0 ? 'on_time' : null,
  }),
);

let fake: FakeClient;
const dataRows = () => document.querySelectorAll('tbody tr[data-index]');

beforeAll(() => {
  // jsdom does no layout and has no Element.scrollTo: scrolling sets scrollTop and fires the event, as a browser
  // does, and the table's scroll box gets a viewport height and a scroll range the virtualizer can clamp to.
  const box = (element: Element) => element.classList.contains('virtual-table-scroll');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return box(this) ? 800 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return box(this) ? 52 * COUNT + 800 : 0;
    },
  });
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    const top = typeof options === 'object' ? (options.top ?? this.scrollTop) : this.scrollTop;
    this.scrollTop = top;
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
});

beforeEach(() => {
  resetChartsUi();
  fake = installFakeClient();
  fake.answer('charts/list', () => BIG);
});

describe('Charts screen with 10,000 charts', () => {
  it('renders only a window of rows, with the full count for assistive technology', async () => {
    renderCharts();
    expect(await screen.findByText('10,000 of 10,000 charts')).toBeTruthy();
    const rendered = dataRows().length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByRole('grid', { name: 'Charts' }).getAttribute('aria-rowcount')).toBe(
      String(COUNT + 1),
    );
    expect(dataRows()[0]!.textContent).toContain(name(1));
    // The rows not rendered are stood in for by a spacer, so the scrollbar covers the whole list.
    const spacer = document.querySelector<HTMLElement>('.virtual-spacer td');
    expect(parseInt(spacer!.style.height, 10)).toBeGreaterThan(400_000);
  });

  it('renders the rows in view after scrolling', async () => {
    renderCharts();
    await screen.findByText('10,000 of 10,000 charts');
    const scroller = document.querySelector<HTMLElement>('.virtual-table-scroll')!;
    scroller.scrollTo({ top: 52 * 5_000 });
    await waitFor(() => expect(document.body.textContent).toContain(name(5_001)));
    expect(dataRows()[0]!.textContent).not.toContain(name(1));
    expect(dataRows().length).toBeLessThan(60);
  });

  it('filters and sorts the whole catalogue, not just the rendered rows', async () => {
    renderCharts();
    await screen.findByText('10,000 of 10,000 charts');
    fireEvent.change(screen.getByRole('combobox', { name: 'Platform' }), { target: { value: 'deezer' } });
    expect(await screen.findByText('3,333 of 10,000 charts')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Chart/ }));
    await waitFor(() => expect(dataRows()[0]!.textContent).toContain(name(9_999)));
  });

  it('selects all matching charts, rendered or not, for one bulk call', async () => {
    fake.answer('charts/sync-now', (input) => ({
      results: input.chartIds.map((id) => ({
        id,
        label: `chart ${id}`,
        ok: true as const,
        outcome: 'done' as const,
        scheduleId: id,
        executionId: id,
      })),
      succeeded: input.chartIds.length,
      skipped: 0,
      failed: 0,
    }));
    renderCharts();
    await screen.findByText('10,000 of 10,000 charts');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 10000 matching charts' }));
    expect(screen.getByText('10,000 charts selected')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('Sync started: 10,000 charts')).toBeTruthy();
    const input = fake.calls.find((c) => c.name === 'charts/sync-now')?.input as { chartIds: number[] };
    expect(input.chartIds).toHaveLength(COUNT);
  });

  it('moves between rows with the keyboard: arrows, End, Space to select, Enter to open', async () => {
    renderCharts();
    await screen.findByText('10,000 of 10,000 charts');
    const first = dataRows()[0] as HTMLElement;
    // One tab stop for the whole table: the active row.
    expect(first.tabIndex).toBe(0);
    expect((dataRows()[1] as HTMLElement).tabIndex).toBe(-1);
    first.focus();

    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain(name(2)));
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(screen.getByText('1 chart selected')).toBeTruthy();
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain(name(COUNT)));
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe(String(COUNT + 1));
    expect(dataRows().length).toBeLessThan(60);

    // Shift+Space selects the range from the anchor (row 2) to here.
    fireEvent.keyDown(document.activeElement!, { key: ' ', shiftKey: true });
    expect(screen.getByText('9,999 charts selected')).toBeTruthy();

    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain(name(1)));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(window.location.hash).toBe('#/schedules/50000');
  });
});
