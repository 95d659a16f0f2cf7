import type { Reply } from './envelope';

/**
 * Answers that are well-formed JSON but do not add up, as a buggy or inconsistent API would send them: the client
 * must refuse them (never store them), not merely parse them.
 */

type Collection = { items: unknown[]; page: { total: number } & Record<string, unknown> };

function isCollection(body: unknown): body is Collection {
  if (typeof body !== 'object' || body === null) return false;
  const { items, page } = body as { items?: unknown; page?: unknown };
  return (
    Array.isArray(items) &&
    typeof page === 'object' &&
    page !== null &&
    typeof (page as { total?: unknown }).total === 'number'
  );
}

/** A collection page whose `page.total` is off by `delta` from the collection's real size (never below 0). */
export function withWrongTotal(reply: Reply, delta: number): Reply | null {
  if (!isCollection(reply.body)) return null;
  const total = Math.max(0, reply.body.page.total + delta);
  if (total === reply.body.page.total) return null;
  return { ...reply, body: { ...reply.body, page: { ...reply.body.page, total } } };
}

/** A ranking page whose last entry repeats the position of the one before it. */
export function withDuplicatePosition(reply: Reply): Reply | null {
  if (!isCollection(reply.body)) return null;
  const items = reply.body.items as { position?: unknown }[];
  const last = items.at(-1);
  const before = items.at(-2);
  if (!last || !before || typeof last.position !== 'number' || typeof before.position !== 'number')
    return null;
  return {
    ...reply,
    body: { ...reply.body, items: [...items.slice(0, -1), { ...last, position: before.position }] },
  };
}
