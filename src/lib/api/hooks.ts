"use client";

import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { ApiClientError, toApiClientError } from "./errors";
import { flattenPages, type CursorPage, type PageFetcher } from "./pages";
import { apiFetch } from "./request";

/** Wraps a loader so whatever it throws becomes the one client error (aborts stay aborts). */
function asClientErrors<A extends unknown[], R>(load: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await load(...args);
    } catch (error) {
      if (error instanceof Error && error.name === "AbortError") throw error;
      throw toApiClientError(error);
    }
  };
}

type QueryExtras<T> = Omit<UseQueryOptions<T, ApiClientError, T, QueryKey>, "queryKey" | "queryFn">;

/**
 * GET one /api/v1 resource (or run `load`, for answers made of several) into the cache under
 * `key`. Server pages may have put the first answer there already (HydrationBoundary).
 */
export function useApiQuery<T>(
  key: QueryKey,
  source: string | ((signal: AbortSignal) => Promise<T>),
  options: QueryExtras<T> = {},
) {
  return useQuery<T, ApiClientError, T, QueryKey>({
    queryKey: key,
    queryFn: asClientErrors(({ signal }: { signal: AbortSignal }) =>
      typeof source === "string" ? apiFetch<T>(source, { signal }) : source(signal),
    ),
    ...options,
  });
}

/** loading: the first page; loading-more / error-more: a later page, with the earlier ones kept. */
export type PagesStatus = "ready" | "loading" | "loading-more" | "error" | "error-more";

/**
 * A list read page by page with keyset cursors (`meta.pagination.nextCursor`). `initial` is
 * the first page, rendered on the server; `updateItems` changes the loaded items in place.
 * A page may carry more than its items (`P`, e.g. where the gallery's page came from).
 */
export function useCursorPages<P extends CursorPage<{ id: string }>>(
  key: QueryKey,
  fetchPage: PageFetcher<P["items"][number], P>,
  initial: P | null = null,
) {
  type T = P["items"][number];
  const queryClient = useQueryClient();
  const query = useInfiniteQuery<
    P,
    ApiClientError,
    InfiniteData<P, string | null>,
    QueryKey,
    string | null
  >({
    queryKey: key,
    queryFn: asClientErrors(
      ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
        fetchPage(pageParam, signal),
    ),
    initialPageParam: null,
    getNextPageParam: (last) => (last.hasMore && last.nextCursor ? last.nextCursor : undefined),
    ...(initial ? { initialData: { pages: [initial], pageParams: [null] } } : {}),
  });

  const pages = query.data?.pages;
  const items = useMemo((): T[] => (pages ? flattenPages<T>(pages) : []), [pages]);
  const last = pages?.at(-1);
  let status: PagesStatus = "ready";
  if (query.isPending) status = "loading";
  else if (query.isError && !query.isFetchNextPageError && !pages) status = "error";
  else if (query.isFetchingNextPage) status = "loading-more";
  else if (query.isFetchNextPageError) status = "error-more";

  const { hasNextPage, isFetching, fetchNextPage, refetch } = query;
  const loadMore = useCallback(() => {
    if (!hasNextPage || isFetching) return;
    void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);

  /** Fetches the list again (after an error). */
  const reload = useCallback(() => void refetch(), [refetch]);

  /** After a failed later page, that page again; otherwise the whole list. */
  const failedMore = query.isFetchNextPageError;
  const retry = useCallback(() => {
    if (failedMore) void fetchNextPage();
    else void refetch();
  }, [failedMore, fetchNextPage, refetch]);

  const updateItems = useCallback(
    (update: (items: T[]) => T[]) =>
      queryClient.setQueryData<InfiniteData<P, string | null>>(key, (data) =>
        data
          ? { ...data, pages: data.pages.map((page) => ({ ...page, items: update(page.items) })) }
          : data,
      ),
    // The key is a value: its parts decide which list this is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, JSON.stringify(key)],
  );

  return {
    items,
    /** The loaded pages as fetched (undefined before the first). */
    pages,
    nextCursor: last?.nextCursor ?? null,
    hasMore: last?.hasMore ?? false,
    status,
    error: query.error,
    loadMore,
    reload,
    retry,
    refetch,
    updateItems,
  };
}

/**
 * A change sent to the API. A failure is toasted once for every mutation (the shell's
 * MutationCache): `errorToast` is its title (or gives it from the variables), or `false` when
 * the component shows the error itself.
 */
export function useApiMutation<TData, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, ApiClientError, TVariables, TContext> & {
    errorToast?: string | false | ((variables: TVariables) => string);
  },
) {
  const { errorToast, mutationFn, ...rest } = options;
  return useMutation<TData, ApiClientError, TVariables, TContext>({
    ...rest,
    ...(mutationFn ? { mutationFn: asClientErrors(mutationFn) } : {}),
    meta: { ...rest.meta, ...(errorToast === undefined ? {} : { errorToast }) },
  });
}
