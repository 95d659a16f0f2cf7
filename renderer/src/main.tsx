import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/app';
import { NotConnected } from './shell/not-connected';
import { useApp } from './store/app-store';
import { setClient } from './transport/api';
import { connect } from './transport/connect';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
const connection = connect(window);
if (connection) {
  setClient(connection.client);
  useApp.getState().setConnection(connection.state());
  connection.onState((state) => {
    useApp.getState().setConnection(state);
    // Whatever changed while the socket was down, the status line catches up on reconnect.
    if (state === 'open') void useApp.getState().refreshStatus();
  });
}
createRoot(root).render(<StrictMode>{connection ? <App /> : <NotConnected />}</StrictMode>);
