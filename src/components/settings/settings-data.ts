"use client";

import { useQueryClient, type QueryKey, type UseQueryResult } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ApiClientError } from "@/lib/api/errors";

export type ResourceState<T> =
  | { status: "loading" }
  | { status: "error"; error: ApiClientError }
  /** loadedAt: when the data arrived (epoch ms). */
  | { status: "ready"; data: T; loadedAt: number };

/** A settings section's view of its query: loading, error or ready. */
export function resourceState<T>(query: UseQueryResult<T, ApiClientError>): ResourceState<T> {
  // Data kept after a failed refetch is still shown.
  if (query.data !== undefined)
    return { status: "ready", data: query.data, loadedAt: query.dataUpdatedAt };
  if (query.isError) return { status: "error", error: query.error };
  return { status: "loading" };
}

/** Changes the cached answer in place after a successful write. */
export function useCacheUpdate<T>(key: QueryKey) {
  const queryClient = useQueryClient();
  return useCallback(
    (change: (data: T) => T) =>
      queryClient.setQueryData<T>(key, (data) => (data === undefined ? data : change(data))),
    // The key is a value: its parts decide which answer this is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, JSON.stringify(key)],
  );
}
