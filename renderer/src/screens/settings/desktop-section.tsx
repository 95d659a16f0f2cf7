import { isDesktopApp } from '../../transport/host';
import type { SettingsSectionProps } from './settings-sections';
import { useInstantSetting } from './use-instant-setting';

/** The Settings screen's "Desktop app" section: close to tray and launch at login, each saved at once. */
export function DesktopSection({ settings, save }: SettingsSectionProps) {
  const [closeToTray, setCloseToTray] = useInstantSetting(
    settings.closeToTray,
    (value) => save({ closeToTray: value }),
    'Could not save “close to tray”',
  );
  const [launchAtLogin, setLaunchAtLogin] = useInstantSetting(
    settings.launchAtLogin,
    (value) => save({ launchAtLogin: value }),
    'Could not save “launch at login”',
  );
  const desktop = isDesktopApp();
  return (
    <section className="card settings-section" aria-labelledby="settings-desktop">
      <h3 id="settings-desktop">Desktop app</h3>
      {!desktop && (
        <p className="settings-callout" id="settings-desktop-note">
          These apply to the installed desktop app. This page is served by <code>chart-sync serve</code>,
          which keeps syncing for as long as it runs, whatever they say.
        </p>
      )}
      <div className="setting-toggles">
        <label className="setting-toggle">
          <input
            type="checkbox"
            checked={closeToTray}
            aria-describedby={desktop ? undefined : 'settings-desktop-note'}
            onChange={(e) => void setCloseToTray(e.target.checked)}
          />
          <span>
            <strong>Keep syncing in the tray when the window is closed</strong>
            <span className="muted">
              {' '}
              Off: closing the window quits Chart Sync, and schedules wait until it is opened again.
            </span>
          </span>
        </label>
        <label className="setting-toggle">
          <input
            type="checkbox"
            checked={launchAtLogin}
            aria-describedby={desktop ? undefined : 'settings-desktop-note'}
            onChange={(e) => void setLaunchAtLogin(e.target.checked)}
          />
          <span>
            <strong>Start at login</strong>
            <span className="muted">
              {' '}
              Chart Sync starts hidden in the tray, so schedules run from the start.
            </span>
          </span>
        </label>
      </div>
    </section>
  );
}
