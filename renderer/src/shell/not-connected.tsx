/** Opened without the token (a bookmark, a copied address): say where the working address comes from. */
export function NotConnected() {
  return (
    <main className="not-connected">
      <h1>Chart Sync</h1>
      <p role="alert">
        This page is not connected to Chart Sync. Open the address that <code>npm start</code> or{' '}
        <code>chart-sync serve</code> printed in the terminal: it carries the access token.
      </p>
    </main>
  );
}
