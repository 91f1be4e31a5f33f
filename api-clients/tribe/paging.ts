import type { RejectedRecord } from './response-parsing';

/** One page of a listing. */
export interface TribePage<T> {
  readonly items: T[];
  readonly rejected: RejectedRecord[];
  /**
   * For modified-since listings: the `LastMutationDate` of the last row seen so far; store it after
   * processing the page and pass it as `since` to resume. Null for listings without a cursor.
   */
  readonly cursor: string | null;
}

export interface TribeListing<T> {
  readonly items: T[];
  readonly rejected: RejectedRecord[];
}

/** Largest `$top` Tribe serves; asking for more returns this many, which would look like a last page. */
export const MAX_PAGE_SIZE = 1000;

export function clampPageSize(pageSize: number | undefined, fallback = MAX_PAGE_SIZE): number {
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(pageSize ?? fallback)));
}

/** Drains a page iterator into one listing. */
export async function collectPages<T>(pages: AsyncIterable<TribePage<T>>): Promise<TribeListing<T>> {
  const items: T[] = [];
  const rejected: RejectedRecord[] = [];
  for await (const page of pages) {
    items.push(...page.items);
    rejected.push(...page.rejected);
  }
  return { items, rejected };
}
