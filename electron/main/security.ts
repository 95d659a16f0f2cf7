import { app, session, shell, type WebContents } from 'electron';

/** Only https links leave the app, to the operator's browser; file:, javascript:, http: and the rest are dropped. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The page is treated as untrusted: it asks for no permission (camera, notifications, geolocation…: all refused),
 * never navigates away from the app (the router only changes the hash, which is not a navigation), opens no window
 * and attaches no <webview>. Applied to every web contents the app creates, before it loads anything.
 */
export function setupSecurity(): () => void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  const onCreated = (_event: unknown, contents: WebContents) => lockDown(contents);
  app.on('web-contents-created', onCreated);
  return () => {
    app.off('web-contents-created', onCreated);
  };
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
