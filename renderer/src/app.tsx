import { useEffect, useState } from 'react';
import type { ErrorShape } from '../../shared/errors';
import type { AppStatus } from '../../shared/views/app-status';
import { contractClient } from './contract-client';

type Load =
  { state: 'loading' } | { state: 'ready'; status: AppStatus } | { state: 'error'; error: ErrorShape };

const NO_ENGINE: ErrorShape = {
  code: 'internal',
  message: 'This page is not connected to Chart Sync. Open it from the Chart Sync app.',
};

/** The app shell: which engine and database the window is connected to, and what they hold. */
export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    const client = contractClient();
    if (!client) {
      setLoad({ state: 'error', error: NO_ENGINE });
      return;
    }
    void client['app/status']({}).then((result) =>
      setLoad(result.ok ? { state: 'ready', status: result.value } : { state: 'error', error: result.error }),
    );
  }, []);

  return (
    <main className="shell">
      <header className="shell-header">
        <h1>Chart Sync</h1>
        {load.state === 'ready' && <span className="version">v{load.status.version}</span>}
      </header>
      {load.state === 'loading' && <p role="status">Connecting to the engine…</p>}
      {load.state === 'error' && (
        <p role="alert" className="error">
          {load.error.message}
        </p>
      )}
      {load.state === 'ready' && <StatusSummary status={load.status} />}
    </main>
  );
}

function StatusSummary({ status }: { status: AppStatus }) {
  return (
    <dl className="status">
      <dt>Database</dt>
      <dd>
        <code>{status.databaseFile}</code> (schema {status.schemaVersion})
      </dd>
      <dt>Charts</dt>
      <dd>{status.charts}</dd>
      <dt>Schedules</dt>
      <dd>
        {status.schedules.total} ({status.schedules.active} active, {status.schedules.overdue} overdue)
      </dd>
      <dt>Executions</dt>
      <dd>
        {status.executions.running} running, {status.executions.pending} waiting
      </dd>
    </dl>
  );
}
