import "server-only";
import { QueryClient, dehydrate, type DehydratedState, type QueryKey } from "@tanstack/react-query";
import type { CursorPage } from "@/lib/api/pages";

/** One answer for the client cache: the key the hooks read and exactly what the API returns. */
export type CacheEntry = readonly [QueryKey, unknown];

/**
 * The first data of a page, as the browser's query cache takes it (HydrationBoundary): the
 * hooks then find their answers there instead of asking the API after the first paint.
 */
export function queryState(entries: readonly (CacheEntry | null)[]): DehydratedState {
  const client = new QueryClient();
  for (const entry of entries) if (entry) client.setQueryData(entry[0], entry[1]);
  return dehydrate(client);
}

/** A list's first page as useInfiniteQuery keeps it. */
export function firstPage<T>(page: CursorPage<T>, extra: Record<string, unknown> = {}) {
  return { pages: [{ ...page, ...extra }], pageParams: [null] };
}

/** Settles to null when a part of the first data fails: the client then asks for it itself. */
export function orNull<T>(load: Promise<T>): Promise<T | null> {
  return load.catch(() => null);
}
