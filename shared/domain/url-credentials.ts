/**
 * An API URL may carry `user:password@` (a proxy or gateway that wants them). Everything that shows a URL to
 * anyone (status, credentials show, the Settings screen, REST and WebSocket answers, logs, error messages) shows
 * it through here: the user and password become `***`, the rest stays, so the operator still sees where it goes.
 * Text, not URL parsing: a URL the parser refuses (a typo) must not be echoed whole either.
 */
export function withoutUrlCredentials(url: string): string {
  // The userinfo runs from after "//" to the last "@" before the path, query or fragment (WHATWG takes the last).
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@');
}
