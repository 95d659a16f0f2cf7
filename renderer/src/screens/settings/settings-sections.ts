import type { ComponentType } from 'react';
import type { ErrorShape, Result } from '../../../../shared/errors';
import type { CallInput } from '../../../../shared/contract/calls';
import type { SettingsView } from '../../../../shared/views/settings';
import { AlertSettingsSection } from './alert-settings-section';
import { BillingSection } from './billing-section';
import { HistorySection } from './history-section';
import { WebhooksSection } from './webhooks-section';

/** What every section is given: the settings as stored, and a save of a partial change. */
export type SettingsSectionProps = {
  settings: SettingsView;
  save(change: CallInput<'settings/update'>): Promise<Result<SettingsView>>;
};

/** A section renders its own card and heading; one that keeps stored settings gets them (and a save). */
export type SettingsSection =
  | { id: string; usesSettings: true; component: ComponentType<SettingsSectionProps> }
  | { id: string; usesSettings: false; component: ComponentType };

/** The Settings screen's sections, in order: each capability adds its own line (retention, …). */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'alerts', usesSettings: true, component: AlertSettingsSection },
  { id: 'webhooks', usesSettings: false, component: WebhooksSection },
  { id: 'history', usesSettings: true, component: HistorySection },
  { id: 'billing', usesSettings: true, component: BillingSection },
];

/** A field's problem from a failed save, by the field's name in the change. */
export function fieldProblem(error: ErrorShape | null, field: string): string | null {
  if (!error?.fields) return null;
  const entry = Object.entries(error.fields).find(([path]) => path === field || path.startsWith(`${field}.`));
  return entry ? entry[1] : null;
}
