"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { ApiClientError, noteUnauthorized, type ApiClientErrorCode } from "@/lib/api-client";
import { listMirroredImages, mirrorImagePage, mirrorImages } from "@/lib/offline/image-mirror";
import { hasIndexedDb } from "@/lib/offline/offline-db";
import { isOfflineCacheEnabled } from "@/lib/offline/offline-preference";
import type { Image } from "@/shared/api-types";
import { readGalleryFilters } from "./gallery-filters";

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
  /** "device": the studio could not be reached, these are the images saved on this device. */
  source: "network" | "device";
}

type Action =
  | { type: "reset" }
  | { type: "more" }
  | { type: "page"; images: Image[]; pagination: Pagination; append: boolean }
  | { type: "device"; images: Image[] }
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
  source: "network",
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
        source: "network",
      };
    }
    case "device":
      return { ...initialState, status: "ready", images: action.images, source: "device" };
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
 * Keeps what the gallery received on the device (unless the user turned the offline cache
 * off). Pages of the unfiltered list also tell which saved images were deleted elsewhere.
 */
async function mirrorPage(
  filterSearch: string,
  page: { images: Image[]; pagination: Pagination },
  previousLast: Image | null,
): Promise<void> {
  if (!hasIndexedDb() || !isOfflineCacheEnabled()) return;
  try {
    // Offline, the answer may be the service worker's older copy: it cannot prove deletions.
    if (filterSearch === "" && navigator.onLine) {
      await mirrorImagePage({
        images: page.images,
        after: previousLast ? [previousLast.createdAt, previousLast.id] : null,
        hasMore: page.pagination.hasMore,
      });
    } else {
      await mirrorImages(page.images);
    }
  } catch {
    // A full or unavailable IndexedDB only costs the offline copy.
  }
}

async function readSavedImages(filterSearch: string): Promise<Image[] | null> {
  if (!hasIndexedDb() || !isOfflineCacheEnabled()) return null;
  try {
    return await listMirroredImages(readGalleryFilters(new URLSearchParams(filterSearch)));
  } catch {
    return null;
  }
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
      const previousLast = append ? (stateRef.current.images.at(-1) ?? null) : null;
      fetchPage(params.toString(), abort.signal).then(
        (page) => {
          if (current !== generation.current) return;
          dispatch({ type: "page", append, ...page });
          void mirrorPage(filterSearch, page, previousLast);
        },
        async (error: unknown) => {
          if (current !== generation.current || abort.signal.aborted) return;
          const clientError = toClientError(error);
          const saved =
            !append && clientError.code === "NETWORK_ERROR"
              ? await readSavedImages(filterSearch)
              : null;
          if (current !== generation.current || abort.signal.aborted) return;
          if (saved && saved.length > 0) dispatch({ type: "device", images: saved });
          else dispatch({ type: "failed", error: clientError, append });
        },
      );
    },
    [filterSearch],
  );

  // Showing the device's copy: the real list replaces it as soon as the connection returns.
  const showingSaved = state.source === "device";
  useEffect(() => {
    if (!showingSaved) return;
    const reload = () => load(null);
    window.addEventListener("online", reload);
    return () => window.removeEventListener("online", reload);
  }, [showingSaved, load]);

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
