import { MAX_PAGES_PER_COLLECTION } from '../../../shared/domain/policies';
import { InconsistentPagesError, MalformedResponseError } from './errors';
import type { ApiPage } from './schemas/common';

export type Paged<T> = { readonly items: readonly T[]; readonly page?: ApiPage | null | undefined };

/**
 * Follows `page.next` from the first page to the last. `next` is a path relative to the API root
 * (`/api/…?offset=100&limit=100`); an absolute URL is reduced to its path, so that a `next` can never send our
 * credentials to another host.
 */
export async function collectPages<P extends Paged<unknown>>(
  firstPath: string,
  fetchPage: (path: string) => Promise<P>,
  maxPages: number = MAX_PAGES_PER_COLLECTION,
): Promise<P[]> {
  const pages: P[] = [];
  const seen = new Set<string>();
  let path: string | null = firstPath;
  while (path !== null) {
    if (seen.has(path)) {
      throw new MalformedResponseError(`paging does not end: page.next repeats ${path}`, {
        path,
        fieldPath: 'page.next',
      });
    }
    if (pages.length >= maxPages) {
      throw new MalformedResponseError(`paging does not end: more than ${maxPages} pages, next ${path}`, {
        path,
        fieldPath: 'page.next',
      });
    }
    seen.add(path);
    const page = await fetchPage(path);
    pages.push(page);
    const next = page.page?.next ?? null;
    path = next === null || page.items.length === 0 ? null : relativePath(next);
  }
  return pages;
}

export function relativePath(next: string): string {
  if (next.startsWith('/')) return next;
  try {
    const url = new URL(next);
    return `${url.pathname}${url.search}`;
  } catch {
    throw new MalformedResponseError(`page.next is neither a path nor a URL: ${next}`, {
      fieldPath: 'page.next',
    });
  }
}

/** The query of a `page.next`, to replay its offset/limit on another path. */
export function queryOf(path: string): URLSearchParams {
  const index = path.indexOf('?');
  return new URLSearchParams(index === -1 ? '' : path.slice(index + 1));
}

/**
 * Offset and limit of every page after a first one, from its page.next (for the limit) and page.total: what
 * lets the rest of a collection be asked for at once instead of one page.next after another.
 */
export function remainingPages(first: ApiPage, itemsOnFirst: number): { offset: number; limit: number }[] {
  const next = queryOf(first.next ?? '');
  const start = Number(next.get('offset') ?? first.offset + itemsOnFirst);
  const limit = Number(next.get('limit') ?? first.limit);
  if (!Number.isInteger(start) || !Number.isInteger(limit) || limit < 1 || start <= first.offset) {
    throw new MalformedResponseError(`page.next does not advance: ${first.next}`, { fieldPath: 'page.next' });
  }
  if ((first.total - start) / limit >= MAX_PAGES_PER_COLLECTION) {
    throw new MalformedResponseError(`paging does not end: page.total is ${first.total} at ${limit} a page`, {
      fieldPath: 'page.total',
    });
  }
  const pages: { offset: number; limit: number }[] = [];
  for (let offset = start; offset < first.total; offset += limit) pages.push({ offset, limit });
  return pages;
}

/**
 * The pages after a first one, asked for together (`remainingPages`). A failure is thrown only once every page
 * is back, so that none is still in flight, or queued on an in-flight limit, after the caller has moved on or
 * its sync has ended: such a request would be sent, and cost quota, without being counted.
 */
export async function restOfCollection<
  P extends { readonly items: readonly unknown[]; readonly page: ApiPage },
>(
  first: P,
  get: (query: { offset: number; limit: number }) => Promise<P>,
  path: string | null = null,
): Promise<P[]> {
  if (first.page.next === null || first.items.length === 0) return [];
  const settled = await Promise.allSettled(remainingPages(first.page, first.items.length).map(get));
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  const rest = settled.map((result) => (result as PromiseFulfilledResult<P>).value);
  checkPagesAddUp([first, ...rest], path);
  return rest;
}

/**
 * The offsets of a collection's pages come from its first page's `page.total`: a total that is wrong (or pages
 * that disagree with it) would silently leave items out, e.g. the oldest dates of a chart, which would then never
 * be planned nor reported missing. So every page must give the same total, the last must not go on, and together
 * they must hold exactly that many items.
 */
export function checkPagesAddUp(
  pages: readonly { items: readonly unknown[]; page: ApiPage }[],
  path: string | null = null,
): void {
  const first = pages[0];
  if (!first) return;
  const { total } = first.page;
  const other = pages.find((page) => page.page.total !== total);
  if (other) {
    throw new InconsistentPagesError(
      `pages disagree on page.total: ${total} on the first, ${other.page.total} at offset ${other.page.offset}`,
      { path, fieldPath: 'page.total' },
    );
  }
  const last = pages.at(-1)!;
  // A first page alone that goes on counts too: its page.total left no page to ask for after it (a total no
  // larger than its own items), so the rest of the collection would be dropped unseen.
  if (last.page.next !== null && last.items.length > 0) {
    throw new InconsistentPagesError(
      `page.total is ${total}, but the page at offset ${last.page.offset} goes on to ${last.page.next}`,
      { path, fieldPath: 'page.next' },
    );
  }
  const items = pages.reduce((sum, page) => sum + page.items.length, 0);
  if (pages.length > 1 && items !== total) {
    throw new InconsistentPagesError(`the pages hold ${items} items but page.total is ${total}`, {
      path,
      fieldPath: 'page.total',
    });
  }
}
