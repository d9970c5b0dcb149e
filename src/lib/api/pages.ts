import { apiRequest, type ApiRequestInit } from "./request";

/** One page of a keyset-paged list, as the client keeps it. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

export type PageFetcher<T, P extends CursorPage<T> = CursorPage<T>> = (
  cursor: string | null,
  signal: AbortSignal,
) => Promise<P>;

/** GETs one page of an /api/v1 list: `data` and `meta.pagination`. */
export async function fetchApiPage<T>(
  path: string,
  init: ApiRequestInit = {},
): Promise<CursorPage<T>> {
  const { data, meta } = await apiRequest<T[]>(path, init);
  return {
    items: data,
    nextCursor: meta.pagination?.nextCursor ?? null,
    hasMore: meta.pagination?.hasMore === true,
  };
}

/** "/api/v1/x?limit=30" plus the cursor, when there is one. */
export function withCursor(path: string, cursor: string | null): string {
  if (!cursor) return path;
  return `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
}

/** A service's page (`{ items, pagination }`, what the list routes send) as a CursorPage. */
export function toCursorPage<T>(page: {
  items: T[];
  pagination: { nextCursor: string | null; hasMore: boolean };
}): CursorPage<T> {
  return {
    items: page.items,
    nextCursor: page.pagination.nextCursor,
    hasMore: page.pagination.hasMore,
  };
}

/** The items of all pages in order, each id once (an item added while paging may repeat). */
export function flattenPages<T extends { id: string }>(pages: readonly CursorPage<T>[]): T[] {
  const seen = new Set<string>();
  const items: T[] = [];
  for (const page of pages)
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  return items;
}
