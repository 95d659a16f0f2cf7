import type { ComponentType } from 'react';
import type { ErrorShape, Result } from '../../../../shared/errors';
import type { CallInput } from '../../../../shared/contract/calls';
import type { SettingsView } from '../../../../shared/views/settings';
import { AlertSettingsSection } from './alert-settings-section';
import { AppearanceSection } from './appearance-section';
import { BillingSection } from './billing-section';
import { ConnectionSection } from './connection-section';
import { DesktopSection } from './desktop-section';
import { HistorySection } from './history-section';
import { NotificationsSection } from './notifications-section';
import { SyncingSection } from './syncing-section';
import { WebhooksSection } from './webhooks-section';

/** What every section is given: the settings as stored, and a save of a partial change. */
export type SettingsSectionProps = {
  settings: SettingsView;
  save(change: CallInput<'settings/update'>): Promise<Result<SettingsView>>;
};

/**
 * A section renders its own card and heading (its `title`, also the screen's table of contents); one that keeps
 * stored settings gets them (and a save).
 */
export type SettingsSection = { id: string; title: string } & (
  | { usesSettings: true; component: ComponentType<SettingsSectionProps> }
  | { usesSettings: false; component: ComponentType }
);

/**
 * The Settings screen's sections, in the order an operator looks for them: how Chart Sync reaches Soundcharts,
 * how it syncs, what it tells, then housekeeping and the app itself. Each capability adds its own line.
 */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'connection', title: 'Connection', usesSettings: true, component: ConnectionSection },
  { id: 'syncing', title: 'Syncing', usesSettings: true, component: SyncingSection },
  { id: 'alerts', title: 'Alerts', usesSettings: true, component: AlertSettingsSection },
  { id: 'notifications', title: 'Notifications', usesSettings: true, component: NotificationsSection },
  { id: 'webhooks', title: 'Webhooks', usesSettings: false, component: WebhooksSection },
  { id: 'history', title: 'History', usesSettings: true, component: HistorySection },
  { id: 'billing', title: 'Billing', usesSettings: true, component: BillingSection },
  { id: 'desktop', title: 'Desktop app', usesSettings: true, component: DesktopSection },
  { id: 'appearance', title: 'Appearance', usesSettings: false, component: AppearanceSection },
];

/** A field's problem from a failed save, by the field's name in the change. */
export function fieldProblem(error: ErrorShape | null, field: string): string | null {
  if (!error?.fields) return null;
  const entry = Object.entries(error.fields).find(([path]) => path === field || path.startsWith(`${field}.`));
  return entry ? entry[1] : null;
}
