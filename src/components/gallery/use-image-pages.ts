"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { ApiClientError, noteUnauthorized, type ApiClientErrorCode } from "@/lib/api-client";
import type { Image } from "@/shared/api-types";

/** Images per request: ten rows of six, or thirty of two. */
export const PAGE_SIZE = 60;

interface Pagination {
  limit: number;
  nextCursor: string | null;
  hasMore: boolean;
}

export interface ImagePagesState {
  status: "loading" | "ready" | "error";
  images: Image[];
  hasMore: boolean;
  nextCursor: string | null;
  loadingMore: boolean;
  /** The first page failed (status "error") or a later page did. */
  error: ApiClientError | null;
}

type Action =
  | { type: "reset" }
  | { type: "more" }
  | { type: "page"; images: Image[]; pagination: Pagination; append: boolean }
  | { type: "failed"; error: ApiClientError; append: boolean }
  | { type: "update"; image: Image }
  | {
      type: "patch";
      ids: ReadonlySet<string>;
      patch: Partial<Pick<Image, "favorite" | "isPublic">>;
    }
  | { type: "prepend"; image: Image };

const initialState: ImagePagesState = {
  status: "loading",
  images: [],
  hasMore: false,
  nextCursor: null,
  loadingMore: false,
  error: null,
};

function reducer(state: ImagePagesState, action: Action): ImagePagesState {
  switch (action.type) {
    case "reset":
      return initialState;
    case "more":
      return { ...state, loadingMore: true, error: null };
    case "page": {
      // Keyset pages never overlap, but an image added while paging must not appear twice.
      const seen = new Set(action.append ? state.images.map((image) => image.id) : []);
      const fresh = action.images.filter((image) => !seen.has(image.id));
      return {
        status: "ready",
        images: action.append ? [...state.images, ...fresh] : fresh,
        hasMore: action.pagination.hasMore,
        nextCursor: action.pagination.nextCursor,
        loadingMore: false,
        error: null,
      };
    }
    case "failed":
      return action.append
        ? { ...state, loadingMore: false, error: action.error }
        : { ...initialState, status: "error", error: action.error };
    case "update":
      return {
        ...state,
        images: state.images.map((image) => (image.id === action.image.id ? action.image : image)),
      };
    case "patch":
      return {
        ...state,
        images: state.images.map((image) =>
          action.ids.has(image.id) ? { ...image, ...action.patch } : image,
        ),
      };
    case "prepend":
      return state.images.some((image) => image.id === action.image.id)
        ? state
        : { ...state, images: [action.image, ...state.images] };
  }
}

function toClientError(error: unknown): ApiClientError {
  return error instanceof ApiClientError
    ? error
    : new ApiClientError({ code: "INTERNAL_ERROR", message: "Something went wrong.", status: 0 });
}

/** A page of GET /images with its pagination (apiFetch unwraps only `data`). */
async function fetchPage(search: string, signal: AbortSignal) {
  const response = await fetch(`/api/v1/images?${search}`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
    signal,
  }).catch((cause: unknown) => {
    if (signal.aborted) throw cause;
    throw new ApiClientError({
      code: "NETWORK_ERROR",
      message: "We couldn't reach the studio. Check your connection and try again.",
      status: 0,
    });
  });
  if (response.status === 401) noteUnauthorized("/api/v1/images");
  const payload = (await response.json().catch(() => null)) as {
    success?: boolean;
    data?: Image[];
    meta?: { pagination?: Pagination };
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  if (payload?.success && Array.isArray(payload.data) && payload.meta?.pagination) {
    return { images: payload.data, pagination: payload.meta.pagination };
  }
  if (payload?.success === false && payload.error) {
    throw new ApiClientError({
      code: (payload.error.code ?? "INTERNAL_ERROR") as ApiClientErrorCode,
      message: payload.error.message ?? "Something went wrong.",
      status: response.status,
      details: payload.error.details,
    });
  }
  throw new ApiClientError({
    code: "UNEXPECTED_RESPONSE",
    message: "The studio sent an answer we couldn't read. Please try again.",
    status: response.status,
  });
}

/**
 * The gallery's images for one filter string (the API's query without paging): the first
 * page on every change, then further pages on demand. Older answers never overwrite newer ones.
 */
export function useImagePages(filterSearch: string) {
  const [state, dispatch] = useReducer(reducer, initialState);
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback(
    (cursor: string | null) => {
      const append = cursor !== null;
      if (!append) {
        controller.current?.abort();
        generation.current += 1;
      }
      const current = generation.current;
      const abort = append ? (controller.current ?? new AbortController()) : new AbortController();
      controller.current = abort;
      const params = new URLSearchParams(filterSearch);
      params.set("limit", String(PAGE_SIZE));
      if (cursor) params.set("cursor", cursor);
      dispatch(append ? { type: "more" } : { type: "reset" });
      fetchPage(params.toString(), abort.signal).then(
        (page) => {
          if (current === generation.current) dispatch({ type: "page", append, ...page });
        },
        (error: unknown) => {
          if (current !== generation.current || abort.signal.aborted) return;
          dispatch({ type: "failed", error: toClientError(error), append });
        },
      );
    },
    [filterSearch],
  );

  useEffect(() => {
    load(null);
    return () => controller.current?.abort();
  }, [load]);

  const loadMore = useCallback(() => {
    const current = stateRef.current;
    if (current.status !== "ready" || !current.hasMore || current.loadingMore || current.error)
      return;
    load(current.nextCursor);
  }, [load]);

  const retry = useCallback(() => {
    const current = stateRef.current;
    if (current.status === "ready" && current.error) load(current.nextCursor);
    else load(null);
  }, [load]);

  const updateImage = useCallback((image: Image) => dispatch({ type: "update", image }), []);
  const prependImage = useCallback((image: Image) => dispatch({ type: "prepend", image }), []);
  const patchImages = useCallback(
    (ids: readonly string[], patch: Partial<Pick<Image, "favorite" | "isPublic">>) =>
      dispatch({ type: "patch", ids: new Set(ids), patch }),
    [],
  );

  return { ...state, loadMore, retry, updateImage, prependImage, patchImages };
}
