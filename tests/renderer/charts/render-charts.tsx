import { render } from '@testing-library/react';
import { ConfirmDialog } from '../../../renderer/src/components/confirm-dialog';
import { Toasts } from '../../../renderer/src/components/toasts';
import { useChartsStore } from '../../../renderer/src/screens/charts/charts-store';
import { ChartsScreen } from '../../../renderer/src/screens/charts/charts-screen';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';

/** Every test starts from a fresh screen: the store outlives components by design, so it is reset here. */
export function resetChartsUi(): void {
  useChartsStore.setState(useChartsStore.getInitialState(), true);
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
  window.location.hash = '';
}

/** The screen with the shell's toasts and confirmation dialog, as the app shows it. */
export function renderCharts() {
  return render(
    <>
      <ChartsScreen />
      <Toasts />
      <ConfirmDialog />
    </>,
  );
}
