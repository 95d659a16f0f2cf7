import type { CallHandlers } from '../../../shared/contract/calls';
import type { HandlerContext } from './handler-context';

export function settingsHandlers({
  settings,
}: HandlerContext): Pick<CallHandlers, 'settings/get' | 'settings/update'> {
  return {
    'settings/get': () => settings.get(),
    'settings/update': (change) => settings.update(change),
  };
}
