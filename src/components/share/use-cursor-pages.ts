"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiClientError } from "@/lib/api-client";
import type { CursorPage, PageFetcher } from "./fetch-api-page";

/** loading: the first page; loading-more / error-more: a later page, with the earlier ones kept. */
export type PagesStatus = "ready" | "loading" | "loading-more" | "error" | "error-more";

export interface PagesState<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
  status: PagesStatus;
  error: ApiClientError | null;
}

function toClientError(error: unknown): ApiClientError {
  return error instanceof ApiClientError
    ? error
    : new ApiClientError({ code: "INTERNAL_ERROR", message: "Something went wrong.", status: 0 });
}

function appendUnique<T extends { id: string }>(items: T[], more: T[]): T[] {
  const seen = new Set(items.map((item) => item.id));
  return [...items, ...more.filter((item) => !seen.has(item.id))];
}

/**
 * A list read page by page with keyset cursors. A new `fetchPage` (a new query) starts over;
 * `initial` is the first page of the first `fetchPage`, rendered on the server.
 */
export function useCursorPages<T extends { id: string }>(
  fetchPage: PageFetcher<T>,
  initial: CursorPage<T> | null,
) {
  const [state, setState] = useState<PagesState<T>>(() =>
    initial
      ? { ...initial, status: "ready", error: null }
      : { items: [], nextCursor: null, hasMore: false, status: "loading", error: null },
  );
  const [attempt, setAttempt] = useState(0);
  // The fetcher whose first page is already in state (the server's), so it is not fetched again.
  const servedBy = useRef<PageFetcher<T> | null>(initial ? fetchPage : null);
  const moreRequest = useRef<AbortController | null>(null);

  useEffect(() => {
    if (servedBy.current === fetchPage) return;
    servedBy.current = null;
    moreRequest.current?.abort();
    const controller = new AbortController();
    setState((current) => ({ ...current, status: "loading", error: null }));
    fetchPage(null, controller.signal).then(
      (page) => setState({ ...page, status: "ready", error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          items: [],
          nextCursor: null,
          hasMore: false,
          status: "error",
          error: toClientError(error),
        });
      },
    );
    return () => controller.abort();
  }, [fetchPage, attempt]);

  useEffect(() => () => moreRequest.current?.abort(), []);

  const { hasMore, nextCursor, status } = state;
  const loadMore = useCallback(() => {
    if (!hasMore || !nextCursor || status === "loading" || status === "loading-more") return;
    if (moreRequest.current && !moreRequest.current.signal.aborted) return;
    const controller = new AbortController();
    moreRequest.current = controller;
    setState((current) => ({ ...current, status: "loading-more", error: null }));
    fetchPage(nextCursor, controller.signal)
      .then(
        (page) =>
          setState((current) => ({
            items: appendUnique(current.items, page.items),
            nextCursor: page.nextCursor,
            hasMore: page.hasMore,
            status: "ready",
            error: null,
          })),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState((current) => ({
            ...current,
            status: "error-more",
            error: toClientError(error),
          }));
        },
      )
      .finally(() => {
        if (moreRequest.current === controller) moreRequest.current = null;
      });
  }, [fetchPage, hasMore, nextCursor, status]);

  /** Fetches the first page again (after an error). */
  const reload = useCallback(() => {
    servedBy.current = null;
    setAttempt((value) => value + 1);
  }, []);

  /** Changes the loaded items in place (after a removal, say) without refetching. */
  const updateItems = useCallback((update: (items: T[]) => T[]) => {
    setState((current) => ({ ...current, items: update(current.items) }));
  }, []);

  return { ...state, loadMore, reload, updateItems };
}
