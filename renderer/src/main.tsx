import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NotConnected } from './shell/not-connected';
import { Root } from './shell/root';
import { useApp } from './store/app-store';
import { resync, setClient } from './transport/api';
import { connect } from './transport/connect';
import { followExternalChanges } from './transport/follow-external-changes';
import { showBrowserNotifications } from './transport/browser-notifications';
import { setHost } from './transport/host';
import { parseRoute } from './routing/routes';
import { askFirstChartsEarly } from './screens/charts/first-charts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
const connection = connect(window);
if (connection) {
  setClient(connection.client);
  // The home screen's first rows go out before anything else the shell asks for.
  if (parseRoute(window.location.hash).screen === 'charts') askFirstChartsEarly();
  setHost(connection.host);
  followExternalChanges();
  showBrowserNotifications();
  useApp.getState().setConnection(connection.state());
  let openedBefore = connection.state() === 'open';
  connection.onState((state) => {
    useApp.getState().setConnection(state);
    if (state !== 'open') return;
    // Whatever changed while the socket was down, the status line and the screen catch up on reconnect.
    void useApp.getState().refreshStatus();
    if (openedBefore) resync();
    openedBefore = true;
  });
}
createRoot(root).render(
  <StrictMode>{connection ? <Root /> : <NotConnected reason="no-token" />}</StrictMode>,
);
