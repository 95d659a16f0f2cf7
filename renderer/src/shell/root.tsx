import { useApp } from '../store/app-store';
import { App } from './app';
import { NotConnected } from './not-connected';

/** The app, until the host refuses the token: then only what to do about it (retrying cannot help). */
export function Root() {
  const connection = useApp((s) => s.connection);
  return connection === 'refused' ? <NotConnected reason="refused" /> : <App />;
}
