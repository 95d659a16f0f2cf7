import { performance } from 'node:perf_hooks';
import type * as GotPackage from 'got';
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { LookupFunction } from 'node:net';
import { webhookUrlProblem } from '../../../shared/domain/webhook-address';
import { EVENT_HEADER, SIGNATURE_HEADER, signatureOf } from './signature';

export type SendRequest = {
  url: string;
  event: string;
  /** The exact bytes to send and sign. */
  body: string;
  secret: string;
  timeoutMs: number;
  lookup: LookupFunction;
  signal?: AbortSignal;
};

/** One attempt's outcome, as logged: `ok` only for a 2xx answer. */
export type AttemptOutcome = {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** Stopped by this process shutting down: not the receiver's doing, so not counted as an attempt. */
  aborted?: boolean;
};

/** How much of a refusing receiver's answer the log keeps: enough to read its reason, not a whole page. */
const ERROR_BODY_CHARS = 200;

type Sender = { got: typeof GotPackage; agents: { http: HttpAgent; https: HttpsAgent } };
let sender: Promise<Sender> | null = null;

/**
 * got and node:https are loaded by the first delivery, not with the engine (most starts never deliver one).
 * A fresh connection per delivery: deliveries are rare, and a kept-alive socket the receiver has since closed
 * would fail the next delivery with a reset that is not the receiver's answer.
 */
function loadSender(): Promise<Sender> {
  sender ??= Promise.all([import('got'), import('node:http'), import('node:https')]).then(
    ([got, http, https]) => ({
      got,
      agents: { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) },
    }),
  );
  return sender;
}

/** POSTs one delivery: no retries and no redirects here (the dispatcher retries; a redirect is a wrong URL). */
export async function sendWebhook(request: SendRequest): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // Checked again at each delivery: the database may have been edited by hand since the webhook was saved.
  const problem = webhookUrlProblem(request.url);
  if (problem) return { ok: false, statusCode: null, error: `${problem} Not sent.`, durationMs: 0 };
  const { got, agents } = await loadSender();
  try {
    const response = await got.default.post(request.url, {
      body: request.body,
      headers: {
        'Content-Type': 'application/json',
        [EVENT_HEADER]: request.event,
        [SIGNATURE_HEADER]: signatureOf(request.body, request.secret),
        'User-Agent': 'Chart Sync webhooks',
      },
      retry: { limit: 0 },
      followRedirect: false,
      throwHttpErrors: false,
      timeout: { request: request.timeoutMs },
      dnsLookup: request.lookup,
      agent: agents,
      responseType: 'text',
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const statusCode = response.statusCode;
    if (statusCode >= 200 && statusCode < 300)
      return { ok: true, statusCode, error: null, durationMs: elapsed() };
    return {
      ok: false,
      statusCode,
      error: refusal(statusCode, response.headers.location, response.body),
      durationMs: elapsed(),
    };
  } catch (error) {
    if (request.signal?.aborted)
      return {
        ok: false,
        statusCode: null,
        error: 'Stopped before the receiver answered.',
        durationMs: elapsed(),
        aborted: true,
      };
    return {
      ok: false,
      statusCode: null,
      error: networkProblem(got, error, request.timeoutMs),
      durationMs: elapsed(),
    };
  }
}

function refusal(statusCode: number, location: string | undefined, body: string): string {
  if (statusCode >= 300 && statusCode < 400) {
    return `HTTP ${statusCode}: redirected${location ? ` to ${location}` : ''}; redirects are not followed, so give the final URL.`;
  }
  const text = body.trim().replace(/\s+/g, ' ');
  const excerpt = text.length > ERROR_BODY_CHARS ? `${text.slice(0, ERROR_BODY_CHARS)}…` : text;
  return excerpt ? `HTTP ${statusCode}: ${excerpt}` : `HTTP ${statusCode}`;
}

function networkProblem(got: Sender['got'], error: unknown, timeoutMs: number): string {
  if (error instanceof got.TimeoutError) return `No answer within ${timeoutMs / 1000} s (timed out).`;
  const cause = error instanceof got.RequestError ? (error.cause ?? error) : error;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EWEBHOOKADDRESS') return (cause as Error).message;
  if (code === 'ECONNREFUSED') return 'Connection refused: is the receiver running?';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host name does not resolve.';
  if (code === 'ECONNRESET') return 'The receiver closed the connection without answering.';
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}
