export {
  SoundchartsClient,
  type SoundchartsClientOptions,
  type CallOptions,
  type AudienceRange,
} from './client';
export { SANDBOX_CREDENTIALS, type Credentials, type ApiKeyCredentials, type OAuthCredentials } from './auth';
export { RateLimiter, createRateLimitState } from './rate-limiter';
export { RequestMeter, createMeterState, type RequestCounts } from './request-meter';
export { QuotaTracker, createQuotaState, type QuotaSnapshot, type QuotaAdmission } from './quota';
export { type RetryPolicy } from './transport';
export { systemClock, type Clock } from './clock';
export { DEFAULT_BASE_URL, DEFAULT_TOKEN_URL, PAGE_LIMIT, API_VERSIONS } from './endpoints';
export { AUDIENCE_WINDOW_DAYS } from './audience-windows';
export { parseOffsetDatetime, type ParsedDatetime } from './datetime';
export * from './errors';
export type * from './types';
