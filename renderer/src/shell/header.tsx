import { useApp, type Theme } from '../store/app-store';
import { AlertsBell } from './alerts-bell';
import { HeaderCounts } from './header-counts';

const CONNECTION_LABEL = {
  connecting: 'Connecting…',
  open: 'Connected',
  closed: 'Disconnected: reconnecting…',
  refused: 'Not connected: token refused',
} as const;

const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System theme' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function Header() {
  const status = useApp((s) => s.status);
  const connection = useApp((s) => s.connection);
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  return (
    <header className="app-header">
      <h1 className="app-title">Chart Sync</h1>
      {status?.demo && (
        <span
          className="demo-badge"
          title="No Soundcharts credentials are set: Chart Sync runs on its built-in emulator with demo data."
        >
          Demo data
        </span>
      )}
      <span className={`connection connection-${connection}`} role="status">
        {CONNECTION_LABEL[connection]}
      </span>
      {status && <HeaderCounts status={status} />}
      <AlertsBell />
      <label className="theme-picker">
        <span className="visually-hidden">Theme</span>
        <select value={theme} onChange={(e) => void setTheme(e.target.value as Theme)}>
          {THEMES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
