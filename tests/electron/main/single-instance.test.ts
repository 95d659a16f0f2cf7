import { beforeEach, describe, expect, it } from 'vitest';
import { MainWindow } from '../../../electron/main/main-window';
import { setupSingleInstance } from '../../../electron/main/single-instance';
import { app, ElectronEvent, resetElectronMock } from '../../mocks/electron';

describe('setupSingleInstance', () => {
  beforeEach(() => resetElectronMock());

  it('quits when another instance already runs (two schedulers never run)', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(setupSingleInstance(new MainWindow())).toBe(false);
    expect(app.quit).toHaveBeenCalled();
  });

  it('a second launch shows and focuses the running window, unless it is the login item', () => {
    const mainWindow = new MainWindow();
    expect(setupSingleInstance(mainWindow)).toBe(true);
    const window = mainWindow.open({ hidden: true }) as unknown as { visible: boolean; focused: boolean };
    app.emit('second-instance', new ElectronEvent(), ['chart-sync', '--hidden'], '/');
    expect(window.visible).toBe(false);
    app.emit('second-instance', new ElectronEvent(), ['chart-sync'], '/');
    expect(window).toMatchObject({ visible: true, focused: true });
  });
});
