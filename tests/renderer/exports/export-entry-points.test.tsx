// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { BulkBar } from '../../../renderer/src/screens/charts/bulk-bar';
import { RankingScreen } from '../../../renderer/src/screens/ranking/ranking-screen';
import { SongsScreen } from '../../../renderer/src/screens/songs/songs-screen';
import { useChartsStore } from '../../../renderer/src/screens/charts/charts-store';
import { useExportDialog } from '../../../renderer/src/screens/exports/export-dialog-store';
import { installFakeClient } from '../support/fake-client';
import { rankingView } from '../support/sample-data-views';
import { chartItem } from '../support/sample-views';

beforeEach(() => {
  useExportDialog.setState({ preset: null });
  useChartsStore.setState({
    charts: [
      chartItem({ id: 7, slug: 'global-28' }),
      chartItem({ id: 8, slug: 'fr-42' }),
      chartItem({ id: 9, slug: 'de-1' }),
    ],
    selection: { ids: new Set([9, 7]), anchorId: 7 },
    bulkRunning: null,
  });
});

describe('Export entry points', () => {
  it('the Charts selection bar opens the dialog on the selected charts’ rankings', () => {
    render(<BulkBar hiddenSelected={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export rankings…' }));
    expect(useExportDialog.getState().preset).toEqual({ dataset: 'rankings', charts: ['global-28', 'de-1'] });
  });

  it('a chart’s ranking opens the dialog on that chart’s rankings', async () => {
    const fake = installFakeClient();
    const view = rankingView();
    fake.answer('rankings/get', () => view);
    render(<RankingScreen chart="7" date={null} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export…' }));
    expect(useExportDialog.getState().preset).toEqual({ dataset: 'rankings', charts: [view.chart.slug] });
  });

  it('the Songs screen opens the dialog on the songs', async () => {
    const fake = installFakeClient();
    fake.answer('songs/list', () => ({ items: [], total: 0, limit: 100, offset: 0 }));
    render(<SongsScreen filter={{}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export songs…' }));
    expect(useExportDialog.getState().preset).toEqual({ dataset: 'songs' });
  });
});
