/**
 * The API's envelopes: collections `{ items, page, errors }` with a relative `page.next`, single resources
 * `{ type, object, errors }`, and error bodies `{ errors: [{ key, code, message }] }`.
 */

export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 100;

export type ApiError = { key: string; code: number; message: string };

export type Reply = {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Counts against the quota when successful (team usage does not). */
  billable?: boolean;
};

export type Paging = { offset: number; limit: number };

export function errorReply(
  status: number,
  key: string,
  message: string,
  headers?: Record<string, string>,
): Reply {
  return { status, body: { errors: [{ key, code: status, message }] }, ...(headers ? { headers } : {}) };
}

export const notFound = (): Reply => errorReply(404, 'access', 'Not found.');

/** offset/limit from the query, or the 400 the API answers for values it will not take. */
export function pagingOf(query: URLSearchParams): Paging | Reply {
  const offset = integerParam(query, 'offset', 0);
  const limit = integerParam(query, 'limit', DEFAULT_PAGE_LIMIT);
  if (offset === null || offset < 0) return errorReply(400, 'offset', 'Offset must be a positive integer.');
  if (limit === null || limit < 1 || limit > MAX_PAGE_LIMIT) {
    return errorReply(400, 'limit', `Limit must be between 1 and ${MAX_PAGE_LIMIT}.`);
  }
  return { offset, limit };
}

export function isReply(value: Paging | Reply): value is Reply {
  return 'status' in value;
}

/**
 * One page of `all`. `next`/`previous` repeat the request's path and other query parameters, with offset and
 * limit last, as in `/api/v2.14/chart/song/global-28/ranking/latest?offset=100&limit=100`.
 */
export function pageOf<T>(
  all: readonly T[],
  paging: Paging,
  pathname: string,
  query: URLSearchParams,
): { items: T[]; page: Record<string, unknown> } {
  const { offset, limit } = paging;
  const link = (at: number): string => {
    const params = new URLSearchParams(query);
    params.delete('offset');
    params.delete('limit');
    params.set('offset', String(at));
    params.set('limit', String(limit));
    return `${pathname}?${params.toString()}`;
  };
  return {
    items: all.slice(offset, offset + limit),
    page: {
      offset,
      limit,
      next: offset + limit < all.length ? link(offset + limit) : null,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
      total: all.length,
    },
  };
}

function integerParam(query: URLSearchParams, name: string, fallback: number): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}
