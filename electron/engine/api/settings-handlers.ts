import { withoutUrlCredentials } from '../../../shared/domain/url-credentials';
import type { CallHandlers } from '../../../shared/contract/calls';
import { ChartSyncError } from '../../../shared/errors';
import type { SettingsView } from '../../../shared/views/settings';
import type { HandlerContext } from './handler-context';

export function settingsHandlers({
  settings,
}: HandlerContext): Pick<CallHandlers, 'settings/get' | 'settings/update'> {
  return {
    // The stored API URL keeps a user:password it may carry; what is shown never does.
    'settings/get': () => shownSettings(settings.get()),
    'settings/update': (change) =>
      shownSettings(settings.update(keptUrlCredentials(change, settings.get().apiUrl))),
  };
}

export function shownSettings(view: SettingsView): SettingsView {
  return { ...view, apiUrl: withoutUrlCredentials(view.apiUrl) };
}

/** A URL whose user:password is the `***` shown in their place. */
const SHOWN_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/\*\*\*@/i;
const RETYPE =
  'The user and password of the API URL are shown as ***: type them again with the new URL, or leave the URL as it is.';

/**
 * An API URL sent back as it is shown (a GET then a PUT, a form saved whole) is the stored one, left as it is;
 * one edited around the `***` is refused: stored, "***" would replace the real user and password.
 */
function keptUrlCredentials<C extends { apiUrl?: string | undefined }>(change: C, stored: string): C {
  if (change.apiUrl === undefined || !SHOWN_CREDENTIALS.test(change.apiUrl)) return change;
  if (change.apiUrl === withoutUrlCredentials(stored)) {
    const kept = { ...change };
    delete kept.apiUrl;
    return kept;
  }
  throw new ChartSyncError('invalid_input', `apiUrl: ${RETYPE}`, { fields: { apiUrl: RETYPE } });
}
