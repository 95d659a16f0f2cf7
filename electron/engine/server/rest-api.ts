import type { IncomingMessage, ServerResponse } from 'node:http';
import { toErrorShape, type ErrorShape } from '../../../shared/errors';
import { snakeKeysDeep } from './case-keys';
import type { ContractCall, InternalErrorLog } from './engine-port';
import { isSameOrigin } from './origin';
import { readJsonBody } from './request-body';
import { sendJson } from './responses';
import { REST_ROUTES, type RestAnswer, type RestRoute } from './rest-routes';
import type { FieldRenamer } from './rest-fields';
import { tokenOf, tokensMatch } from './token';
import { HTTP_STATUS, type TransportError } from './transport-errors';

/** Everything under this prefix is the REST API (and needs the token); the rest is the renderer. */
export const REST_PREFIX = '/api/';

type Matched = { route: RestRoute; id: number | null } | { error: TransportError };

/**
 * The original system's REST endpoints over the contract. Answers are `{ok: true, value}` or `{ok: false,
 * error}` with snake_case keys, and an HTTP status that matches the error's code.
 */
export function createRestApi(
  call: ContractCall,
  token: string,
  log: InternalErrorLog,
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
      answered = await action(call, { id: matched.id, body: body.value });
    } catch (error) {
      // Thrown before or after the contract call (mapping the body or the answer): dispatch did not log it.
      const shape = toErrorShape(error);
      if (shape.code === 'internal') log(error, `${method} ${url.pathname}`);
      answered = { status: 500, result: { ok: false, error: shape }, renameField: (p) => p };
    }
    const { result } = answered;
    if (result.ok) sendJson(response, answered.status, snakeKeysDeep(result));
    else fail(restError(result.error, answered.renameField));
  };
}

const COMPILED_ROUTES = REST_ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace('{id}', '([^/]+)')}$`),
}));

/** Finds the route of a path; a trailing slash is optional, as in the original's URLs. */
function match(pathname: string): Matched {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  for (const { route, pattern } of COMPILED_ROUTES) {
    const found = pattern.exec(path);
    if (!found) continue;
    if (found[1] === undefined) return { route, id: null };
    const id = Number(found[1]);
    if (!/^\d+$/.test(found[1]) || !Number.isSafeInteger(id) || id < 1) {
      return {
        error: {
          code: 'invalid_input',
          message: `${route.idOf ?? 'The'} id must be a positive whole number, not ${JSON.stringify(found[1])}.`,
        },
      };
    }
    return { route, id };
  }
  return {
    error: {
      code: 'not_found',
      message: `No endpoint ${pathname}. The API: /api/sync/schedules/, /api/sync/schedules/{id}/, /api/sync/trigger/, /api/sync/status/{chart_id}/.`,
    },
  };
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
