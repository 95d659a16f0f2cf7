import { useCallback } from 'react';
import type { CallInput } from '../../../../shared/contract/calls';
import { ErrorState, Loading } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { call, useEvent } from '../../transport/api';
import { SETTINGS_SECTIONS } from './settings-sections';
import './settings.css';

/** Settings: one section per capability, in the order of SETTINGS_SECTIONS. */
export function SettingsScreen() {
  const { data, reload, refresh } = useCallResult(() => call('settings/get', {}), []);
  useEvent('app/external-change', refresh);
  const save = useCallback(
    async (change: CallInput<'settings/update'>) => {
      const result = await call('settings/update', change);
      if (result.ok) refresh();
      return result;
    },
    [refresh],
  );
  return (
    <>
      <div className="screen-header">
        <h2>Settings</h2>
      </div>
      {SETTINGS_SECTIONS.map((section) => {
        if (!section.usesSettings) return <section.component key={section.id} />;
        if (data.state === 'loading') return <Loading key={section.id} what="settings" />;
        if (data.state === 'error')
          return <ErrorState key={section.id} error={data.error} onRetry={reload} />;
        return <section.component key={section.id} settings={data.value} save={save} />;
      })}
    </>
  );
}
