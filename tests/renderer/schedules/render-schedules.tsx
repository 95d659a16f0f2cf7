import { render } from '@testing-library/react';
import { ConfirmDialog } from '../../../renderer/src/components/confirm-dialog';
import { Toasts } from '../../../renderer/src/components/toasts';
import { SchedulesScreen } from '../../../renderer/src/screens/schedules/schedules-screen';
import { useSchedulesStore } from '../../../renderer/src/screens/schedules/schedules-store';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';

/** Every test starts from a fresh screen: the store outlives components by design, so it is reset here. */
export function resetSchedulesUi(): void {
  useSchedulesStore.setState(useSchedulesStore.getInitialState(), true);
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
  window.location.hash = '';
}

/** The screen with the shell's toasts and confirmation dialog, as the app shows it. */
export function renderSchedules() {
  return render(
    <>
      <SchedulesScreen />
      <Toasts />
      <ConfirmDialog />
    </>,
  );
}
