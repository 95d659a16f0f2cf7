import type { Clock } from './clock';
import { DEFAULT_TOKEN_URL } from './endpoints';
import type { HttpClient } from './http-client';
import { OAuthTokenProvider } from './oauth';

export type ApiKeyCredentials = { readonly kind: 'api-key'; readonly appId: string; readonly apiKey: string };

export type OAuthCredentials = {
  readonly kind: 'oauth';
  readonly clientId: string;
  readonly clientSecret: string;
  readonly teamId?: string;
  /** Defaults to Soundcharts' token endpoint; the emulator serves one too. */
  readonly tokenUrl?: string;
};

export type Credentials = ApiKeyCredentials | OAuthCredentials;

/** The public sandbox's credentials (limited dataset; the emulator accepts them as well). */
export const SANDBOX_CREDENTIALS: ApiKeyCredentials = {
  kind: 'api-key',
  appId: 'soundcharts',
  apiKey: 'soundcharts',
};

export interface AuthProvider {
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  /** After a 401: drop what was sent. True when fresh credentials can be fetched, i.e. one retry makes sense. */
  invalidate(sent: Record<string, string>): boolean;
}

class ApiKeyAuth implements AuthProvider {
  constructor(private readonly credentials: ApiKeyCredentials) {}

  async headers(): Promise<Record<string, string>> {
    return { 'x-app-id': this.credentials.appId, 'x-api-key': this.credentials.apiKey };
  }

  invalidate(): boolean {
    return false;
  }
}

class OAuthAuth implements AuthProvider {
  constructor(private readonly tokens: OAuthTokenProvider) {}

  async headers(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.tokens.token()}` };
  }

  invalidate(sent: Record<string, string>): boolean {
    const token = sent.authorization?.replace(/^Bearer /, '');
    if (token) this.tokens.invalidate(token);
    return true;
  }
}

export function createAuthProvider(credentials: Credentials, http: HttpClient, clock: Clock): AuthProvider {
  if (credentials.kind === 'api-key') return new ApiKeyAuth(credentials);
  return new OAuthAuth(
    new OAuthTokenProvider({
      http,
      clock,
      tokenUrl: credentials.tokenUrl ?? DEFAULT_TOKEN_URL,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      ...(credentials.teamId === undefined ? {} : { teamId: credentials.teamId }),
    }),
  );
}
