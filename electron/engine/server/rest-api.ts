import type { IncomingMessage, ServerResponse } from 'node:http';
import { withIsoTimes } from '../../../shared/domain/wire-times';
import { toErrorShape, type ErrorShape } from '../../../shared/errors';
import { snakeKeysDeep } from './case-keys';
import type { ContractCall, InternalErrorLog } from './engine-port';
import { isSameOrigin } from './origin';
import { readJsonBody } from './request-body';
import { parseQuery } from './rest-query';
import { sendJson } from './responses';
import { DATA_ROUTES } from './rest-data-routes';
import { EXPORT_FILE_PATHS, EXPORT_ROUTES } from './rest-export-routes';
import { HISTORY_ROUTES } from './rest-history-routes';
import { ANALYTICS_ROUTES } from './rest-analytics-routes';
import { CONNECTION_ROUTES } from './rest-connection-routes';
import { REST_ROUTES, type RestAnswer, type RestRoute } from './rest-routes';
import type { FieldRenamer } from './rest-fields';
import { tokenOf, tokensMatch } from './token';
import { HTTP_STATUS, type TransportError } from './transport-errors';

/** Everything under this prefix is the REST API (and needs the token); the rest is the renderer. */
export { REST_PREFIX } from '../../../shared/contract/channels';

type Matched = { route: RestRoute; id: number | null; ref: string | null } | { error: TransportError };

/**
 * The original system's REST endpoints over the contract. Answers are `{ok: true, value}` or `{ok: false,
 * error}` with snake_case keys, and an HTTP status that matches the error's code.
 */
export function createRestApi(
  call: ContractCall,
  token: string,
  log: InternalErrorLog,
  /** Endpoints that answer a file, not JSON (rest-export-routes.ts): true when one took the request. */
  streams?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>,
): (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> {
  return async (request, response, url) => {
    const fail = (error: TransportError, headers: Record<string, string> = {}) =>
      sendJson(response, HTTP_STATUS[error.code], { ok: false, error }, headers);

    if (!isSameOrigin(request)) {
      fail({ code: 'forbidden', message: 'Refused: the request comes from a page of another site.' });
      return;
    }
    if (!tokensMatch(tokenOf(request, url), token)) {
      fail(
        {
          code: 'unauthorized',
          message:
            'Missing or wrong token: send `Authorization: Bearer <token>` (or `?token=`) with the token `chart-sync serve` printed.',
        },
        { 'WWW-Authenticate': 'Bearer' },
      );
      return;
    }
    if (streams && (await streams(request, response, url))) return;
    const matched = match(url.pathname);
    if ('error' in matched) {
      fail(matched.error);
      return;
    }
    const method = request.method ?? 'GET';
    // Own keys only: a method named like an Object.prototype member must not find one.
    const action = Object.hasOwn(matched.route.methods, method) ? matched.route.methods[method] : undefined;
    if (!action) {
      const allow = Object.keys(matched.route.methods).join(', ');
      fail(
        { code: 'method_not_allowed', message: `${method} is not supported here; use ${allow}.` },
        { Allow: allow },
      );
      return;
    }
    const body =
      method === 'GET' || method === 'DELETE'
        ? { ok: true as const, value: {} }
        : await readJsonBody(request);
    if (!body.ok) {
      // An oversized body is not read to its end: close the connection instead of draining it.
      fail(body.error, body.error.code === 'payload_too_large' ? { Connection: 'close' } : {});
      return;
    }
    let answered: RestAnswer;
    try {
      const query = parseQuery(url, matched.route.query?.[method]);
      answered = await action(call, { id: matched.id, ref: matched.ref, body: body.value, query });
    } catch (error) {
      // Thrown before or after the contract call (mapping the body or the answer): dispatch did not log it.
      const shape = toErrorShape(error);
      if (shape.code === 'internal') log(error, `${method} ${url.pathname}`);
      answered = { status: 500, result: { ok: false, error: shape }, renameField: (p) => p };
    }
    const { result } = answered;
    if (result.ok) sendJson(response, answered.status, restBody(result));
    else fail(restError(result.error, answered.renameField));
  };
}

/**
 * What a successful answer carries: times as ISO 8601 with the host's offset (withIsoTimes, the one conversion
 * the CLI's --json uses too), then snake_case keys. Every endpoint answers through here.
 */
export function restBody(value: unknown): unknown {
  return snakeKeysDeep(withIsoTimes(value));
}

/** A path parameter: `{id}` a positive whole number, `{ref}` any one segment (an id or a slug). */
const PARAMETER = /\{(id|ref)\}/;

/** Every endpoint: the original system's and the screens', then the audit log's and retention's. */
export const ALL_ROUTES: readonly RestRoute[] = [
  ...REST_ROUTES,
  ...HISTORY_ROUTES,
  ...DATA_ROUTES,
  ...ANALYTICS_ROUTES,
  ...EXPORT_ROUTES,
  ...CONNECTION_ROUTES,
];

const COMPILED_ROUTES = ALL_ROUTES.map((route) => ({
  route,
  parameter: PARAMETER.exec(route.path)?.[1] as 'id' | 'ref' | undefined,
  pattern: new RegExp(`^${route.path.replace(PARAMETER, '([^/]+)')}$`),
}));

/** Finds the route of a path; a trailing slash is optional, as in the original's URLs. */
function match(pathname: string): Matched {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  for (const { route, parameter, pattern } of COMPILED_ROUTES) {
    const found = pattern.exec(path);
    if (!found) continue;
    const segment = found[1];
    if (segment === undefined || parameter === undefined) return { route, id: null, ref: null };
    if (parameter === 'ref') {
      const ref = decodeSegment(segment);
      if (ref !== null) return { route, id: null, ref };
      return {
        error: { code: 'invalid_input', message: `${JSON.stringify(segment)} is not a valid path segment.` },
      };
    }
    const id = Number(segment);
    if (!/^\d+$/.test(segment) || !Number.isSafeInteger(id) || id < 1) {
      return {
        error: {
          code: 'invalid_input',
          message: `${route.idOf ?? 'The'} id must be a positive whole number, not ${JSON.stringify(segment)}.`,
        },
      };
    }
    return { route, id, ref: null };
  }
  return {
    error: {
      code: 'not_found',
      message: `No endpoint ${pathname}. The API: ${[...ALL_ROUTES.map((route) => `${route.path}/`), ...EXPORT_FILE_PATHS].join(', ')}.`,
    },
  };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The contract's error with its field paths named as the REST client sent them. */
function restError(error: ErrorShape, rename: FieldRenamer): ErrorShape {
  if (!error.fields) return error;
  let message = error.message;
  const fields: Record<string, string> = {};
  for (const [path, problem] of Object.entries(error.fields)) {
    const name = rename(path);
    fields[name] = problem;
    // The message may name the field with or without its prefix ("changes.timeZone" or "timeZone").
    for (const spelling of suffixesOf(path)) message = message.replaceAll(`${spelling}: `, `${name}: `);
  }
  return { code: error.code, message, fields };
}

/** "changes.timeZone" → ["changes.timeZone", "timeZone"]: the path, then shorter ones that start with a name. */
function suffixesOf(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(i).join('.')).filter((suffix) => /^[A-Za-z]/.test(suffix));
}
