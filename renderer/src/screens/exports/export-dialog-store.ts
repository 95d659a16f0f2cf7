import { create } from 'zustand';
import type { ExportPreset } from './export-form';

/**
 * The New export dialog's state, apart from the dialog itself: the screens that open it (Charts, a ranking, a
 * song, Exports) import this much only; the dialog and its form (zod) are a chunk loaded beside the shell.
 */
type DialogState = {
  /** The preset of the dialog on screen; null when it is closed. */
  preset: ExportPreset | null;
  /** A new opening starts from its own preset, even over an open dialog. */
  opening: number;
  close(): void;
};

export const useExportDialog = create<DialogState>((set) => ({
  preset: null,
  opening: 0,
  close: () => set({ preset: null }),
}));

/**
 * Opens the New export dialog, filled in with `preset`: the Charts selection opens it on its charts' rankings,
 * a ranking or a song screen on theirs. The operator still chooses and confirms everything.
 */
export function openExportDialog(preset: ExportPreset = {}): void {
  useExportDialog.setState((state) => ({ preset, opening: state.opening + 1 }));
}
