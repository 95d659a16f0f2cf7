import { useState } from 'react';
import { NOTIFICATIONS_PER_MINUTE_MAX } from '../../../../shared/domain/policies';
import { ALERT_KINDS, type AlertKind } from '../../../../shared/domain/alert-kinds';
import { ALERT_KIND_TEXT } from '../../format/alert-kinds';
import { isDesktopApp } from '../../transport/host';
import {
  browserNotificationPermission,
  requestBrowserNotifications,
  type BrowserNotificationPermission,
} from './browser-notifications';
import { SettingFieldForm } from './setting-field-form';
import type { SettingsSectionProps } from './settings-sections';
import { useInstantSetting } from './use-instant-setting';

const PERMISSION_TEXT: Record<BrowserNotificationPermission, string> = {
  granted: 'This browser shows Chart Sync’s notifications.',
  default: 'This browser has not been allowed to show notifications yet.',
  denied:
    'This browser blocks Chart Sync’s notifications: allow them in the site settings (the icon left of the address).',
  unsupported: 'This browser cannot show notifications.',
};

/**
 * The Settings screen's "Notifications" section: which recorded alerts also pop up (desktop notifications in the
 * app, browser notifications on the headless host), and the flood guard. Recording is the Alerts section's.
 */
export function NotificationsSection({ settings, save }: SettingsSectionProps) {
  const [muted, setMuted] = useInstantSetting(
    settings.disabledNotificationKinds,
    (kinds) => save({ disabledNotificationKinds: kinds }),
    'Could not save the notification settings',
  );
  const mutedKinds = new Set(muted);
  const notRecorded = new Set(settings.disabledAlertKinds);
  const toggle = (kind: AlertKind, on: boolean) =>
    void setMuted(ALERT_KINDS.filter((k) => (k === kind ? !on : mutedKinds.has(k))));

  return (
    <section className="card settings-section" aria-labelledby="settings-notifications">
      <h3 id="settings-notifications">Notifications</h3>
      <p className="muted">
        Every recorded alert is in the Alerts inbox and the bell. These choose which of them also pop up as{' '}
        {isDesktopApp() ? 'desktop notifications' : 'browser notifications'}; a click on one opens what it is
        about.
      </p>
      {!isDesktopApp() && <BrowserPermission />}
      <fieldset className="alert-kind-toggles">
        <legend>Notify me of</legend>
        {ALERT_KINDS.map((kind) => {
          const off = notRecorded.has(kind);
          return (
            <label key={kind} className="alert-kind-toggle">
              <input
                type="checkbox"
                checked={!off && !mutedKinds.has(kind)}
                disabled={off}
                aria-describedby={off ? `notify-${kind}-off` : undefined}
                onChange={(e) => toggle(kind, e.target.checked)}
              />
              <span>
                <strong>{ALERT_KIND_TEXT[kind].label}</strong>
                {off && (
                  <span id={`notify-${kind}-off`} className="muted">
                    {' '}
                    Not recorded (turned off under Alerts), so never notified.
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </fieldset>
      <SettingFieldForm
        field="notificationsPerMinute"
        label="At most this many notifications a minute"
        stored={settings.notificationsPerMinute}
        save={save}
        submitLabel="Save limit"
        savedMessage={(n) => `At most ${n} notifications a minute`}
        hint="Past it (a bulk sync failing, say), the rest of the minute’s alerts arrive as one summary."
        inputProps={{ type: 'number', inputMode: 'numeric', min: 1, max: NOTIFICATIONS_PER_MINUTE_MAX }}
      />
    </section>
  );
}

/** The headless host's browser permission: what it is now, and the button that asks for it. */
function BrowserPermission() {
  const [permission, setPermission] = useState(() => browserNotificationPermission());
  const [asking, setAsking] = useState(false);
  const ask = async () => {
    setAsking(true);
    setPermission(await requestBrowserNotifications());
    setAsking(false);
  };
  return (
    <div className="browser-permission" role="status">
      <span>{PERMISSION_TEXT[permission]}</span>
      {permission === 'default' && (
        <button type="button" onClick={() => void ask()} disabled={asking}>
          Allow browser notifications
        </button>
      )}
    </div>
  );
}
