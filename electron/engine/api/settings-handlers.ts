import { withoutUrlCredentials } from '../../../shared/domain/url-credentials';
import type { CallHandlers } from '../../../shared/contract/calls';
import type { SettingsView } from '../../../shared/views/settings';
import type { HandlerContext } from './handler-context';

export function settingsHandlers({
  settings,
}: HandlerContext): Pick<CallHandlers, 'settings/get' | 'settings/update'> {
  return {
    // The stored API URL keeps a user:password it may carry; what is shown never does.
    'settings/get': () => shownSettings(settings.get()),
    'settings/update': (change) => shownSettings(settings.update(change)),
  };
}

export function shownSettings(view: SettingsView): SettingsView {
  return { ...view, apiUrl: withoutUrlCredentials(view.apiUrl) };
}
