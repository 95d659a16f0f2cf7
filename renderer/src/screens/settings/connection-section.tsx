import { useState } from 'react';
import { RATE_LIMIT_PER_MINUTE_MAX } from '../../../../shared/domain/policies';
import { ErrorState, Loading } from '../../components/states';
import { useCallResult } from '../../components/use-call-result';
import { call, useEvent } from '../../transport/api';
import {
  API_URL_OVERRIDE,
  CREDENTIAL_KIND_TEXT,
  credentialSourceText,
  fieldValue,
  maskedSecret,
  RATE_LIMIT_OVERRIDE,
  readOnlyReason,
  sourceLabel,
  storageWarning,
} from './connection-text';
import { CredentialsForm } from './credentials-form';
import { SettingFieldForm } from './setting-field-form';
import type { SettingsSectionProps } from './settings-sections';

/**
 * The Settings screen's "Connection" section: demo or Soundcharts, where the API URL, the rate limit and the
 * credentials come from (a flag or the environment makes them read-only here, and says so), how saved
 * credentials are kept, and the forms to change them.
 */
export function ConnectionSection({ settings, save }: SettingsSectionProps) {
  const { data, reload, refresh } = useCallResult(() => call('connection/get', {}), []);
  // A reconnection (app/connection-changed) refetches through resync; a saved API URL or rate limit through this.
  useEvent('settings/changed', refresh);
  const view = data.state === 'ready' ? data.value : null;
  const [typedApiUrl, setTypedApiUrl] = useState<string | null>(null);

  return (
    <section
      className="card settings-section connection-section"
      aria-labelledby="settings-connection"
      aria-busy={data.state === 'loading'}
    >
      <div className="section-heading">
        <h3 id="settings-connection">Connection</h3>
        {view && (
          <span className={`badge ${view.demo ? 'connection-demo' : 'connection-real'}`}>
            {view.demo ? 'Demo mode' : 'Soundcharts'}
          </span>
        )}
      </div>
      {data.state === 'loading' && <Loading what="the connection" />}
      {data.state === 'error' && <ErrorState error={data.error} onRetry={reload} />}
      {view && (
        <>
          <p className="muted">
            {view.demo
              ? 'No Soundcharts credentials are set, so Chart Sync runs on its built-in emulator with demo data, in a database of its own. Set credentials below to sync real charts.'
              : 'Chart Sync syncs from Soundcharts with the credentials below.'}
          </p>
          <dl className="settings-facts">
            <dt>Credentials</dt>
            <dd>{credentialSourceText(view.credentials.source, view.credentials.kind)}</dd>
            {view.credentials.kind && (
              <>
                <dt>Kind</dt>
                <dd>{CREDENTIAL_KIND_TEXT[view.credentials.kind]}</dd>
                <dt>{view.credentials.kind === 'oauth' ? 'Client id' : 'App id'}</dt>
                <dd className="connection-identity">{view.credentials.identity ?? '—'}</dd>
                <dt>{view.credentials.kind === 'oauth' ? 'Client secret' : 'API key'}</dt>
                <dd>
                  <span
                    aria-label={
                      view.credentials.secretLast4 ? `ending in ${view.credentials.secretLast4}` : 'not set'
                    }
                  >
                    {maskedSecret(view.credentials.secretLast4)}
                  </span>
                </dd>
              </>
            )}
            <dt>Saved ones are kept</dt>
            <dd>{sentence(view.storage.description)}</dd>
          </dl>
          {storageWarning(view.storage) && (
            <p className="settings-warning" role="note">
              <span aria-hidden="true">⚠ </span>
              {storageWarning(view.storage)}
            </p>
          )}
          <CredentialsForm connection={view} onChanged={refresh} typedApiUrl={typedApiUrl} />
          <div className="connection-endpoint">
            <SettingFieldForm
              field="apiUrl"
              label="API URL"
              stored={fieldValue(view.apiUrlSource, settings.apiUrl, view.apiUrl)}
              save={save}
              submitLabel="Save API URL"
              savedMessage={(url) =>
                view.demo
                  ? `API URL saved: ${url} is used once credentials are set`
                  : `Chart Sync now uses ${url}`
              }
              onUnsaved={setTypedApiUrl}
              readOnlyReason={readOnlyReason(view.apiUrlSource, API_URL_OVERRIDE)}
              hint={`Source: ${sourceLabel(view.apiUrlSource, API_URL_OVERRIDE)}.${view.demo ? ' Used once credentials are set: demo mode talks to its emulator.' : ''}`}
              inputProps={{ type: 'url', spellCheck: false, className: 'wide-input' }}
            />
            <SettingFieldForm
              field="rateLimitPerMinute"
              label="Rate limit (requests a minute)"
              stored={fieldValue(view.rateLimitSource, settings.rateLimitPerMinute, view.rateLimitPerMinute)}
              save={save}
              submitLabel="Save rate limit"
              savedMessage={(n) => `At most ${n} requests a minute to Soundcharts`}
              readOnlyReason={readOnlyReason(view.rateLimitSource, RATE_LIMIT_OVERRIDE)}
              hint={`Source: ${sourceLabel(view.rateLimitSource, RATE_LIMIT_OVERRIDE)}. For all syncs together. Chart Sync also reads the plan’s own limit from Soundcharts (team usage) as it starts syncing and after a rate-limit refusal, and keeps to the lower of the two.`}
              inputProps={{ type: 'number', inputMode: 'numeric', min: 1, max: RATE_LIMIT_PER_MINUTE_MAX }}
            />
          </div>
        </>
      )}
    </section>
  );
}

/** The host's description as a sentence of its own: capitalised. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
