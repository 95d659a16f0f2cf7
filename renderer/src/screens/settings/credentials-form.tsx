import { useState, type FormEvent } from 'react';
import type { ErrorShape } from '../../../../shared/errors';
import type { ConnectionView } from '../../../../shared/views/connection';
import { useApp } from '../../store/app-store';
import { confirm } from '../../store/confirm-store';
import { toast } from '../../store/toast-store';
import { call } from '../../transport/api';
import { ConnectionTestResult, type TestOutcome } from './connection-test-result';
import {
  CREDENTIAL_KIND_TEXT,
  draftInput,
  draftIsEmpty,
  EMPTY_DRAFT,
  type CredentialsDraft,
} from './connection-text';

type TextKey = Exclude<keyof CredentialsDraft, 'kind'>;

const FIELDS: Record<
  CredentialsDraft['kind'],
  { key: TextKey; label: string; secret?: true; optional?: true }[]
> = {
  'api-key': [
    { key: 'appId', label: 'App id' },
    { key: 'apiKey', label: 'API key', secret: true },
  ],
  oauth: [
    { key: 'clientId', label: 'Client id' },
    { key: 'clientSecret', label: 'Client secret', secret: true },
    { key: 'teamId', label: 'Team id (optional)', optional: true },
  ],
};

/** A field's problem whether the engine checked it as a save (`appId`) or as a test (`credentials.appId`). */
function credentialProblem(error: ErrorShape | null, key: TextKey): string | null {
  return error?.fields?.[key] ?? error?.fields?.[`credentials.${key}`] ?? null;
}

type Props = {
  connection: ConnectionView;
  /** The connection as the engine now sees it, after a save or a removal. */
  onChanged(view: ConnectionView): void;
  /** An API URL typed in its field but not saved yet: "Test connection" tests it too. */
  typedApiUrl: string | null;
};

/**
 * Setting the Soundcharts credentials (when they are not fixed by a flag or the environment), testing what is
 * typed or what is in use, and removing saved ones. The secrets are write-only: never prefilled, cleared after a
 * save, because the host never sends them back.
 */
export function CredentialsForm({ connection, onChanged, typedApiUrl }: Props) {
  const { editable, source, savedUnreadable } = connection.credentials;
  const [draft, setDraft] = useState<CredentialsDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<ErrorShape | null>(null);
  const [busy, setBusy] = useState<'saving' | 'removing' | null>(null);
  const [test, setTest] = useState<TestOutcome>({ state: 'idle' });
  const refreshStatus = useApp((s) => s.refreshStatus);
  const typed = editable && !draftIsEmpty(draft);

  const edit = (change: Partial<CredentialsDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    if (test.state !== 'testing') setTest({ state: 'idle' });
  };

  const runTest = async () => {
    setTest({ state: 'testing' });
    const result = await call('connection/test', {
      ...(typed ? { credentials: draftInput(draft) } : {}),
      ...(typedApiUrl === null ? {} : { apiUrl: typedApiUrl }),
    });
    if (result.ok) {
      setError(null);
      setTest({ state: 'passed', value: result.value, typed });
    } else {
      if (typed) setError(result.error);
      setTest({ state: 'failed', error: result.error, typed });
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('saving');
    const result = await call('connection/set-credentials', draftInput(draft));
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      if (!result.error.fields) toast.error('Could not save the credentials', result.error);
      return;
    }
    setError(null);
    setDraft({ ...EMPTY_DRAFT, kind: draft.kind });
    setTest({ state: 'idle' });
    onChanged(result.value);
    void refreshStatus();
    if (connection.demo && !result.value.demo) {
      toast.success(
        'Credentials saved: demo mode has ended',
        `Chart Sync now syncs from ${result.value.apiUrl}.`,
      );
    } else {
      toast.success('Credentials saved', 'Chart Sync reconnected with them.');
    }
  };

  const remove = async () => {
    const ok = await confirm({
      title: 'Remove the saved credentials?',
      message:
        'Chart Sync forgets the saved app id and key. Without credentials from the environment or a flag it goes back to demo mode (its own demo database); the synced data stays in the real database for when credentials come back.',
      confirmLabel: 'Remove credentials',
      danger: true,
    });
    if (!ok) return;
    setBusy('removing');
    const result = await call('connection/clear-credentials', {});
    setBusy(null);
    if (!result.ok) return void toast.error('Could not remove the credentials', result.error);
    setTest({ state: 'idle' });
    onChanged(result.value);
    void refreshStatus();
    toast.info(
      'Saved credentials removed',
      result.value.demo
        ? 'Chart Sync is back in demo mode.'
        : 'Chart Sync uses the credentials from its environment.',
    );
  };

  return (
    <form className="credentials-form" noValidate onSubmit={(e) => void save(e)}>
      {editable ? (
        <fieldset>
          <legend>{source === 'none' ? 'Set credentials' : 'Replace the credentials'}</legend>
          <div className="credential-kinds" role="radiogroup" aria-label="Kind of credentials">
            {(['api-key', 'oauth'] as const).map((kind) => (
              <label key={kind}>
                <input
                  type="radio"
                  name="credential-kind"
                  checked={draft.kind === kind}
                  onChange={() => edit({ kind })}
                />
                {CREDENTIAL_KIND_TEXT[kind]}
              </label>
            ))}
          </div>
          <div className="credential-fields">
            {FIELDS[draft.kind].map(({ key, label, secret }) => {
              const problem = credentialProblem(error, key);
              const id = `credential-${key}`;
              return (
                <div key={key} className="settings-field">
                  <label htmlFor={id}>{label}</label>
                  <input
                    id={id}
                    type={secret ? 'password' : 'text'}
                    autoComplete={secret ? 'new-password' : 'off'}
                    spellCheck={false}
                    value={draft[key]}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${id}-problem` : undefined}
                    onChange={(e) => edit({ [key]: e.target.value })}
                  />
                  {problem && (
                    <p id={`${id}-problem`} className="field-error">
                      {problem}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
          <p className="muted settings-note">
            {connection.credentials.secretLast4
              ? 'The saved key cannot be shown: type both fields to replace it.'
              : 'Soundcharts gives either an app id and API key, or an OAuth client.'}{' '}
            Test connection checks what is typed without saving it.
          </p>
        </fieldset>
      ) : (
        <p className="read-only-reason">
          {source === 'environment'
            ? 'These credentials come from the environment, which wins over this screen: change them there and restart.'
            : 'These credentials were given on the command line, which wins over this screen: start Chart Sync without them to change them here.'}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => void runTest()} disabled={test.state === 'testing'}>
          {test.state === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        {editable && (
          <button type="submit" className="primary" disabled={!typed || busy !== null}>
            {busy === 'saving' ? 'Saving…' : 'Save credentials'}
          </button>
        )}
        {editable && (source === 'saved' || savedUnreadable) && (
          <button type="button" className="push-right" onClick={() => void remove()} disabled={busy !== null}>
            {busy === 'removing' ? 'Removing…' : 'Remove saved credentials…'}
          </button>
        )}
      </div>
      <ConnectionTestResult outcome={test} />
    </form>
  );
}
