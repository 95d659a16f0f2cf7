import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { hashOf, hex, mulberry32, type Random } from './random';

/**
 * Who may call the emulator: the public sandbox pair, any pair it is configured with (legacy x-app-id /
 * x-api-key headers), and bearer tokens it issued itself through POST /oauth/token (client credentials).
 */

export type CredentialPair = { readonly appId: string; readonly apiKey: string };
export type OAuthClient = { readonly clientId: string; readonly clientSecret: string };

export const SANDBOX_PAIR: CredentialPair = { appId: 'soundcharts', apiKey: 'soundcharts' };
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

export type TokenResponse = { status: number; body: Record<string, unknown> };

const invalidClient = (): TokenResponse => ({
  status: 401,
  body: { error: 'invalid_client', error_description: 'Client authentication failed.' },
});

export class EmulatorAuth {
  private readonly tokens = new Map<string, number>();
  private readonly random: Random;
  private issued = 0;

  constructor(
    readonly pairs: readonly CredentialPair[],
    readonly clients: readonly OAuthClient[],
    private readonly tokenLifetimeSeconds: number,
    seed: number,
    private readonly now: () => number = Date.now,
  ) {
    this.random = mulberry32(hashOf(seed, 'oauth-tokens'));
  }

  get tokensIssued(): number {
    return this.issued;
  }

  accepts(headers: IncomingHttpHeaders): boolean {
    const authorization = headerOf(headers.authorization);
    if (authorization?.startsWith('Bearer ')) {
      const expiresAt = this.tokens.get(authorization.slice('Bearer '.length));
      return expiresAt !== undefined && this.now() < expiresAt;
    }
    const appId = headerOf(headers['x-app-id']);
    const apiKey = headerOf(headers['x-api-key']);
    if (appId === undefined || apiKey === undefined) return false;
    return this.pairs.some((pair) => same(pair.appId, appId) && same(pair.apiKey, apiKey));
  }

  /** OAuth2 client credentials: HTTP Basic client auth (or client_id/client_secret in the form). */
  issueToken(headers: IncomingHttpHeaders, form: URLSearchParams): TokenResponse {
    if (form.get('grant_type') !== 'client_credentials') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'Use client_credentials.' },
      };
    }
    const basic = basicCredentials(headerOf(headers.authorization));
    // RFC 6749 §5.2: client authentication that cannot even be read fails like a wrong secret.
    if (basic === 'malformed') return invalidClient();
    const client = basic ?? {
      clientId: form.get('client_id') ?? '',
      clientSecret: form.get('client_secret') ?? '',
    };
    const known = this.clients.some(
      (candidate) =>
        same(candidate.clientId, client.clientId) && same(candidate.clientSecret, client.clientSecret),
    );
    if (!known) return invalidClient();
    this.issued += 1;
    const token = `emu_${hex(this.random() * 2 ** 32, 8)}${hex(this.random() * 2 ** 32, 8)}${hex(this.issued, 4)}`;
    this.tokens.set(token, this.now() + this.tokenLifetimeSeconds * 1000);
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: this.tokenLifetimeSeconds },
    };
  }

  /** Every issued token stops working, as after a key rotation. */
  revokeTokens(): void {
    this.tokens.clear();
  }
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** HTTP Basic client credentials; null without a Basic header, 'malformed' when one cannot be read. */
function basicCredentials(authorization: string | undefined): OAuthClient | 'malformed' | null {
  if (!authorization?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return 'malformed';
  // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined; a bad escape (`%ZZ`) is a bad header.
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return 'malformed';
  }
}

function same(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
