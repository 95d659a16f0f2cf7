import { join } from 'node:path';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { trayView, type TrayIcon, type TrayView } from '../../shared/domain/tray-view';
import type { AppStatus } from '../../shared/views/app-status';

/** What the tray's items do; the service itself only shows. */
export type TrayActions = {
  toggleWindow(): void;
  syncDue(): void;
  pauseAll(): void;
  resumeAll(): void;
  openExecution(executionId: number): void;
  openAlerts(): void;
  quit(): void;
};

/**
 * Where the icons are (made by scripts/make-icons.mjs into resources/tray): beside the app's resources when
 * packaged (electron-builder's extraResources), in the project's resources/ otherwise. Each state has `<state>.png`
 * and `<state>@2x.png` (Electron picks the sharper one), and macOS template images (`<state>Template.png`) that
 * the menu bar tints for light and dark.
 */
export function trayIconFile(directory: string, icon: TrayIcon, platform = process.platform): string {
  return join(directory, platform === 'darwin' ? `${icon}Template.png` : `${icon}.png`);
}

/**
 * The system tray, as Signal's SystemTrayService: a small service that renders from state. The state is the
 * engine's status (`app/status`, turned into lines by the shared trayView) and whether the window shows; every
 * render sets the icon, the tooltip and a new context menu (Linux only takes a changed menu that way). Linux
 * ignores clicks on the icon, so everything is in the menu.
 */
export class TrayService {
  private tray: Tray | null = null;
  private icon: TrayIcon | null = null;
  private status: AppStatus | null = null;

  constructor(
    private readonly options: {
      iconDirectory: string;
      actions: TrayActions;
      isWindowVisible: () => boolean;
      now?: () => number;
      platform?: NodeJS.Platform;
    },
  ) {}

  /** The engine's status changed: render it. */
  update(status: AppStatus): void {
    this.status = status;
    this.render();
  }

  /** Renders the last status again (the window was shown or hidden, or time passed). */
  render(): void {
    if (!this.status) return;
    const view = trayView(this.status, (this.options.now ?? Date.now)());
    if (!this.tray) {
      this.tray = new Tray(this.image(view.icon));
      // Windows and macOS do send clicks: a click shows or hides the window, as the first item does.
      this.tray.on('click', () => this.options.actions.toggleWindow());
    } else if (view.icon !== this.icon) {
      this.tray.setImage(this.image(view.icon));
    }
    this.icon = view.icon;
    this.tray.setToolTip(view.tooltip);
    this.tray.setContextMenu(Menu.buildFromTemplate(this.menu(view, this.status)));
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
    this.icon = null;
  }

  private image(icon: TrayIcon): NativeImage {
    const platform = this.options.platform ?? process.platform;
    const image = nativeImage.createFromPath(trayIconFile(this.options.iconDirectory, icon, platform));
    if (platform === 'darwin') image.setTemplateImage(true);
    return image;
  }

  private menu(view: TrayView, status: AppStatus): MenuItemConstructorOptions[] {
    const { actions } = this.options;
    const { active, resumable } = status.schedules;
    const items: MenuItemConstructorOptions[] = [
      {
        label: this.options.isWindowVisible() ? 'Hide Chart Sync' : 'Show Chart Sync',
        click: () => actions.toggleWindow(),
      },
      { type: 'separator' },
      { label: 'Sync all due now', enabled: active > 0, click: () => actions.syncDue() },
      { label: 'Pause all schedules', enabled: active > 0, click: () => actions.pauseAll() },
      // Only what "Pause all" paused (the operator's own pauses stay): offered when there is some, else it refuses.
      { label: 'Resume all schedules', enabled: resumable > 0, click: () => actions.resumeAll() },
    ];
    const lastSync = status.lastSync;
    if (view.lastSyncLine || view.unreadLine) items.push({ type: 'separator' });
    if (view.lastSyncLine && lastSync)
      items.push({ label: view.lastSyncLine, click: () => actions.openExecution(lastSync.executionId) });
    if (view.unreadLine) items.push({ label: view.unreadLine, click: () => actions.openAlerts() });
    items.push({ type: 'separator' }, { label: 'Quit Chart Sync', click: () => actions.quit() });
    return items;
  }
}
