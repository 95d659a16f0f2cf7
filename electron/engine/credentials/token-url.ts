import type { Credentials } from '../soundcharts/auth';
import { DEFAULT_TOKEN_URL } from '../soundcharts/endpoints';

/** Soundcharts' own hosts (the API and the legacy sandbox) share one token endpoint, account.soundcharts.com. */
const SOUNDCHARTS_HOST = /(^|\.)soundcharts\.com$/;
/** The token endpoint's path on Soundcharts' account server, which a compatible server (the emulator) mirrors. */
const TOKEN_PATH = new URL(DEFAULT_TOKEN_URL).pathname;

/**
 * An OAuth client gets its tokens from Soundcharts' account server when the API is Soundcharts', and from the
 * server at the API URL otherwise (the emulator, a compatible proxy), which serves `/oauth/token` itself.
 */
export function withTokenUrl(credentials: Credentials, apiUrl: string): Credentials {
  if (credentials.kind !== 'oauth' || credentials.tokenUrl !== undefined) return credentials;
  const url = new URL(apiUrl);
  if (SOUNDCHARTS_HOST.test(url.hostname)) return credentials;
  return { ...credentials, tokenUrl: new URL(TOKEN_PATH, url.origin).toString() };
}
