import { z } from 'zod';
import { apiMessageOf, errorForStatus, networkError, schemaError } from './classify';
import { OAUTH_REFRESH_MARGIN_MS } from '../../../shared/domain/policies';
import type { Clock } from './clock';
import type { HttpClient } from './http-client';
import { MalformedResponseError, NetworkError } from './errors';

/** Documented behaviour when the token response has no `expires_in`. */
export const OAUTH_DEFAULT_LIFETIME_S = 3600;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive().nullish(),
  token_type: z.string().nullish(),
});

type CachedToken = { value: string; refreshAt: number };

export type OAuthTokenProviderOptions = {
  http: HttpClient;
  clock: Clock;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  teamId?: string;
};

/**
 * OAuth2 client credentials: one token cached and shared by all requests of a client, refreshed ahead of expiry;
 * concurrent callers wait for the same refresh instead of each fetching a token.
 */
export class OAuthTokenProvider {
  private cached: CachedToken | null = null;
  private pending: Promise<CachedToken> | null = null;

  constructor(private readonly options: OAuthTokenProviderOptions) {}

  async token(): Promise<string> {
    const cached = this.cached;
    if (cached && this.options.clock.now() < cached.refreshAt) return cached.value;
    // Not tied to one caller's AbortSignal: other requests may be waiting for the same token.
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    this.cached = await this.pending;
    return this.cached.value;
  }

  /** Forget `token` (the API refused it); a newer token fetched meanwhile is kept. */
  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = null;
  }

  private async fetchToken(): Promise<CachedToken> {
    const { http, clock, tokenUrl, clientId, clientSecret, teamId } = this.options;
    const path = pathOf(tokenUrl);
    const form: Record<string, string> = { grant_type: 'client_credentials' };
    if (teamId !== undefined) form.team_id = teamId;
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString(
      'base64',
    );
    const requestedAt = clock.now();
    let response;
    try {
      response = await http.post(tokenUrl, { form, headers: { authorization: `Basic ${basic}` } });
    } catch (error) {
      throw networkError(error, path, tokenUrl);
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
      const location = response.headers.location;
      throw errorForStatus({
        status: response.statusCode,
        path,
        apiMessage: oauthMessageOf(response.body),
        location: typeof location === 'string' ? location : null,
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch (error) {
      throw new MalformedResponseError(`token response from ${path} is not JSON`, { path, cause: error });
    }
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success) throw schemaError(parsed.error, path);
    const lifetimeMs = (parsed.data.expires_in ?? OAUTH_DEFAULT_LIFETIME_S) * 1000;
    const margin = Math.min(OAUTH_REFRESH_MARGIN_MS, lifetimeMs / 2);
    return { value: parsed.data.access_token, refreshAt: requestedAt + lifetimeMs - margin };
  }
}

/** The token URL's path, for messages; an unusable token URL is a NetworkError like any unusable base URL. */
function pathOf(tokenUrl: string): string {
  try {
    return new URL(tokenUrl).pathname;
  } catch (error) {
    throw new NetworkError(`the OAuth token URL is not a valid URL: ${JSON.stringify(tokenUrl)}`, {
      cause: error,
    });
  }
}

/** OAuth errors are `{ error, error_description }`, not Soundcharts' `errors[]`. */
function oauthMessageOf(body: string): string | null {
  try {
    const parsed = z
      .object({ error: z.string().nullish(), error_description: z.string().nullish() })
      .safeParse(JSON.parse(body));
    if (parsed.success && (parsed.data.error_description || parsed.data.error)) {
      return parsed.data.error_description ?? parsed.data.error ?? null;
    }
  } catch {
    // fall through to the API's own error shape
  }
  return apiMessageOf(body);
}
