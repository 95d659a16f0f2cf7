// @vitest-environment jsdom
import '../support/dom';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionSection } from '../../../renderer/src/screens/settings/connection-section';
import { useConfirmStore } from '../../../renderer/src/store/confirm-store';
import { useToasts } from '../../../renderer/src/store/toast-store';
import type { ConnectionTestView, ConnectionView } from '../../../shared/views/connection';
import type { SettingsView } from '../../../shared/views/settings';
import { installFakeClient, type FakeClient } from '../support/fake-client';
import { sampleSettings } from '../support/sample-views';

const SETTINGS: SettingsView = sampleSettings();

const FILE_STORAGE = {
  backend: 'file',
  encrypted: false,
  description: 'In credentials.json in the data folder, readable by this user only.',
  warning: null,
};

const DEMO: ConnectionView = {
  demo: true,
  apiUrl: 'http://127.0.0.1:4100',
  apiUrlSource: 'default',
  rateLimitPerMinute: 1200,
  rateLimitSource: 'default',
  credentials: {
    source: 'none',
    kind: null,
    identity: null,
    secretLast4: null,
    editable: true,
    savedUnreadable: false,
  },
  storage: FILE_STORAGE,
};

const SAVED: ConnectionView = {
  ...DEMO,
  demo: false,
  apiUrl: 'https://customer.api.soundcharts.com',
  apiUrlSource: 'settings',
  credentials: {
    source: 'saved',
    kind: 'api-key',
    identity: 'my-app',
    secretLast4: '3f9a',
    editable: true,
    savedUnreadable: false,
  },
};

const FROM_ENVIRONMENT: ConnectionView = {
  ...SAVED,
  apiUrl: 'http://soundcharts.test',
  apiUrlSource: 'environment',
  rateLimitPerMinute: 300,
  rateLimitSource: 'command line',
  credentials: {
    source: 'environment',
    kind: 'oauth',
    identity: 'client-1',
    secretLast4: 'wxyz',
    editable: false,
    savedUnreadable: false,
  },
};

const TESTED: ConnectionTestView = {
  apiUrl: 'https://customer.api.soundcharts.com',
  latencyMs: 84,
  quota: { used: 1200, limit: 10000, remaining: 8800 },
  rateLimit: { limit: 1200, remaining: 1190 },
};

let fake: FakeClient;
let current: ConnectionView;

beforeEach(() => {
  useToasts.setState({ toasts: [] });
  useConfirmStore.setState({ request: null });
  fake = installFakeClient();
  current = DEMO;
  fake.answer('connection/get', () => current);
  fake.answer('app/status', () => ({ code: 'internal', message: 'not needed here' }));
});

const save = vi.fn(async (change: Partial<SettingsView>) => ({
  ok: true as const,
  value: { ...SETTINGS, ...change },
}));
const region = () => screen.getByRole('region', { name: /Connection/ });
const toastTitles = () => useToasts.getState().toasts.map((t) => t.title);

describe('Connection section', () => {
  it('says demo mode, where each value comes from, and offers a form to set credentials', async () => {
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    await screen.findByText('Demo mode');
    expect(region().textContent).toContain('None: Chart Sync runs in demo mode');
    expect(screen.getByText(/Source: default\. Used once credentials are set/)).toBeTruthy();
    expect((screen.getByLabelText('API URL') as HTMLInputElement).value).toBe(SETTINGS.apiUrl);
    expect((screen.getByLabelText('API URL') as HTMLInputElement).readOnly).toBe(false);
    // Unencrypted storage is said, visibly.
    expect(screen.getByRole('note').textContent).toMatch(/not encrypted/);
    const key = screen.getByLabelText('API key') as HTMLInputElement;
    expect(key.type).toBe('password');
    expect(key.value).toBe('');
    expect((screen.getByRole('button', { name: 'Save credentials' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.queryByRole('button', { name: /Remove saved credentials/ })).toBeNull();
  });

  it('shows saved credentials by id and last four characters only, never the key', async () => {
    current = SAVED;
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    await screen.findByText('Soundcharts');
    expect(region().textContent).toContain('my-app');
    expect(screen.getByLabelText('ending in 3f9a').textContent).toBe('•••• 3f9a');
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Remove saved credentials…' })).toBeTruthy();
  });

  it('makes what a flag or the environment sets read-only, and says why', async () => {
    current = FROM_ENVIRONMENT;
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    await screen.findByText('Soundcharts');
    const url = screen.getByLabelText('API URL') as HTMLInputElement;
    expect(url.readOnly).toBe(true);
    expect(url.value).toBe('http://soundcharts.test');
    expect(screen.getByText(/Set by SOUNDCHARTS_API_URL, which wins over this screen/)).toBeTruthy();
    expect((screen.getByLabelText('Rate limit (requests a minute)') as HTMLInputElement).readOnly).toBe(true);
    expect(screen.getByText(/Set with --rate-limit when Chart Sync was started/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Save API URL|Save rate limit/ })).toBeNull();
    expect(region().textContent).toContain('SOUNDCHARTS_CLIENT_ID and SOUNDCHARTS_CLIENT_SECRET');
    expect(screen.getByText(/come from the environment, which wins over this screen/)).toBeTruthy();
    expect(screen.queryByLabelText('Client secret')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save credentials' })).toBeNull();
    // What is in use can still be tested.
    fake.answer('connection/test', () => TESTED);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(/Soundcharts accepted the credentials in use/);
    expect(fake.calls.find((c) => c.name === 'connection/test')?.input).toEqual({});
  });

  it('tests what is typed and shows the quota, rate limit and latency', async () => {
    fake.answer('connection/test', () => TESTED);
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    fireEvent.change(await screen.findByLabelText('App id'), { target: { value: 'my-app' } });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'secret-key' } });
    // The API URL as typed, not saved yet, is tested too.
    fireEvent.change(screen.getByLabelText('API URL'), { target: { value: 'http://127.0.0.1:9999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(/Soundcharts accepted the credentials typed above \(84 ms\)/);
    expect(screen.getByText('1,200 used of 10,000 (8,800 remaining)')).toBeTruthy();
    expect(screen.getByText('1,200 requests a minute (1,190 left this minute)')).toBeTruthy();
    expect(fake.calls.find((c) => c.name === 'connection/test')?.input).toEqual({
      credentials: { kind: 'api-key', appId: 'my-app', apiKey: 'secret-key' },
      apiUrl: 'http://127.0.0.1:9999',
    });
  });

  it('says clearly when the test fails, with the engine’s words under the field they are about', async () => {
    fake.answer('connection/test', (input) =>
      input.credentials
        ? {
            code: 'invalid_input',
            message: 'credentials.apiKey: The API key cannot contain spaces.',
            fields: { 'credentials.apiKey': 'The API key cannot contain spaces.' },
          }
        : { code: 'soundcharts_error', message: 'Soundcharts refused the app id or API key (401).' },
    );
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Soundcharts refused the app id or API key (401).',
    );
    fireEvent.change(screen.getByLabelText('App id'), { target: { value: 'my-app' } });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'has space' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText('The API key cannot contain spaces.', { selector: '.field-error' });
    expect(screen.getByLabelText('API key').getAttribute('aria-invalid')).toBe('true');
  });

  it('saves OAuth credentials, clears the secret and says demo mode has ended', async () => {
    fake.answer('connection/set-credentials', (input) => {
      current = {
        ...SAVED,
        credentials: {
          source: 'saved',
          kind: input.kind,
          identity: 'client-1',
          secretLast4: 'cret',
          editable: true,
          savedUnreadable: false,
        },
      };
      return current;
    });
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'OAuth client' }));
    fireEvent.change(screen.getByLabelText('Client id'), { target: { value: 'client-1' } });
    fireEvent.change(screen.getByLabelText('Client secret'), { target: { value: 'the-secret' } });
    expect((screen.getByLabelText('Client secret') as HTMLInputElement).type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Save credentials' }));
    await waitFor(() => expect(toastTitles()).toContain('Credentials saved: demo mode has ended'));
    expect(fake.calls.find((c) => c.name === 'connection/set-credentials')?.input).toEqual({
      kind: 'oauth',
      clientId: 'client-1',
      clientSecret: 'the-secret',
    });
    await screen.findByText('Soundcharts');
    expect((screen.getByLabelText('Client secret') as HTMLInputElement).value).toBe('');
    expect(fake.calls.some((c) => c.name === 'app/status')).toBe(true);
  });

  it('puts a refused save under its fields', async () => {
    fake.answer('connection/set-credentials', () => ({
      code: 'invalid_input',
      message: 'appId: The app id cannot contain spaces.',
      fields: { appId: 'The app id cannot contain spaces.' },
    }));
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    fireEvent.change(await screen.findByLabelText('App id'), { target: { value: 'my app' } });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'k' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save credentials' }));
    await screen.findByText('The app id cannot contain spaces.');
    expect(screen.getByLabelText('App id').getAttribute('aria-invalid')).toBe('true');
    expect(toastTitles()).toEqual([]);
  });

  it('removes saved credentials only after the operator confirms, back to demo', async () => {
    current = SAVED;
    fake.answer('connection/clear-credentials', () => (current = DEMO));
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove saved credentials…' }));
    await waitFor(() =>
      expect(useConfirmStore.getState().request?.title).toBe('Remove the saved credentials?'),
    );
    useConfirmStore.getState().answer(false);
    await Promise.resolve();
    expect(fake.calls.some((c) => c.name === 'connection/clear-credentials')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Remove saved credentials…' }));
    await waitFor(() => expect(useConfirmStore.getState().request).not.toBeNull());
    expect(useConfirmStore.getState().request?.danger).toBe(true);
    useConfirmStore.getState().answer(true);
    await screen.findByText('Demo mode');
    expect(useToasts.getState().toasts[0]).toMatchObject({
      title: 'Saved credentials removed',
      detail: 'Chart Sync is back in demo mode.',
    });
  });

  it('offers to remove saved credentials it cannot read, which are not in use', async () => {
    current = {
      ...DEMO,
      credentials: { ...DEMO.credentials, savedUnreadable: true },
      storage: { ...FILE_STORAGE, warning: 'The saved credentials cannot be read: enter them again.' },
    };
    fake.answer('connection/clear-credentials', () => (current = DEMO));
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    expect(await screen.findByText(/cannot be read: enter them again/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove saved credentials…' }));
    await waitFor(() => expect(useConfirmStore.getState().request).not.toBeNull());
    useConfirmStore.getState().answer(true);
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'connection/clear-credentials')).toBe(true));
  });

  it('saves the API URL through the settings, checked as the engine checks it', async () => {
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    await screen.findByText('Demo mode');
    // Typed again until it sticks: on a loaded machine the connection can still be (re)loading when the field
    // first appears, and a reload puts the stored value back (CI saw it once).
    await waitFor(() => {
      fireEvent.change(screen.getByLabelText('API URL'), { target: { value: 'ftp://x' } });
      expect(within(region()).getByText('The API URL must be an http(s) URL.')).toBeTruthy();
    });
    expect((screen.getByRole('button', { name: 'Save API URL' }) as HTMLButtonElement).disabled).toBe(true);
    const url = screen.getByLabelText('API URL');
    fireEvent.change(url, { target: { value: 'http://127.0.0.1:9999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save API URL' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ apiUrl: 'http://127.0.0.1:9999' }));
  });

  it('says what went wrong when the connection cannot be read', async () => {
    fake.answer('connection/get', () => ({ code: 'internal', message: 'The vault is broken.' }));
    render(<ConnectionSection settings={SETTINGS} save={save} />);
    expect((await screen.findByRole('alert')).textContent).toContain('The vault is broken.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
