/**
 * Why the page cannot reach Chart Sync, and where the working address comes from: opened without the token (a
 * bookmark, a copied address), or with one the host refuses (a tab left open while Chart Sync restarted).
 */
export function NotConnected({ reason }: { reason: 'no-token' | 'refused' }) {
  return (
    <main className="not-connected">
      <h1>Chart Sync</h1>
      <p role="alert">
        {reason === 'refused'
          ? "Chart Sync refused this page's access token. It makes a new token each time it starts, so a " +
            'token from an earlier start no longer works. '
          : 'This page is not connected to Chart Sync. '}
        Open the address that <code>npm start</code> or <code>chart-sync serve</code> printed in the terminal:
        it carries the access token.
      </p>
    </main>
  );
}
