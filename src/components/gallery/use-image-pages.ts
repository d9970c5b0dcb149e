"use client";

import { useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { toApiClientError } from "@/lib/api/errors";
import { useCursorPages } from "@/lib/api/hooks";
import { fetchApiPage, withCursor, type CursorPage } from "@/lib/api/pages";
import { queryKeys } from "@/lib/api/query-keys";
import { listMirroredImages, mirrorImagePage, mirrorImages } from "@/lib/offline/image-mirror";
import { hasIndexedDb } from "@/lib/offline/offline-db";
import { isOfflineCacheEnabled } from "@/lib/offline/offline-preference";
import type { Image } from "@/shared/api-types";
import { imagesPath } from "@/lib/api/gallery-query";
import { readGalleryFilters } from "./gallery-filters";

/** A page of the gallery: from the studio, or ("device") the copy saved on this device. */
export interface ImagePage extends CursorPage<Image> {
  source: "network" | "device";
}

type ImagePagesData = InfiniteData<ImagePage, string | null>;

/**
 * One page of GET /images for a filter string. Without a connection, the first page is the
 * device's saved copy (when the person keeps one), so the gallery still opens offline.
 */
async function loadPage(filterSearch: string, cursor: string | null, signal: AbortSignal) {
  try {
    const page = await fetchApiPage<Image>(withCursor(imagesPath(filterSearch), cursor), {
      signal,
    });
    return { ...page, source: "network" } satisfies ImagePage;
  } catch (error) {
    const clientError = toApiClientError(error);
    if (signal.aborted || cursor !== null || clientError.code !== "NETWORK_ERROR") throw error;
    const saved = await readSavedImages(filterSearch);
    if (!saved || saved.length === 0) throw clientError;
    return { items: saved, nextCursor: null, hasMore: false, source: "device" } satisfies ImagePage;
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
 * Keeps what the gallery received on the device (unless the user turned the offline cache
 * off). Pages of the unfiltered list also tell which saved images were deleted elsewhere.
 */
async function mirrorPage(filterSearch: string, page: ImagePage, previousLast: Image | null) {
  if (!hasIndexedDb() || !isOfflineCacheEnabled()) return;
  try {
    // Offline, the answer may be the service worker's older copy: it cannot prove deletions.
    if (filterSearch === "" && navigator.onLine) {
      await mirrorImagePage({
        images: page.items,
        after: previousLast ? [previousLast.createdAt, previousLast.id] : null,
        hasMore: page.hasMore,
      });
    } else {
      await mirrorImages(page.items);
    }
  } catch {
    // A full or unavailable IndexedDB only costs the offline copy.
  }
}

function updateLists(queryClient: QueryClient, change: (images: Image[]) => Image[]) {
  queryClient.setQueriesData<ImagePagesData>({ queryKey: queryKeys.imageLists }, (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) }
      : data,
  );
}

/**
 * The gallery's images for one filter string (the API's query without paging): the first
 * page (often already in the cache from the server's render), then further pages on demand.
 */
export function useImagePages(filterSearch: string) {
  const queryClient = useQueryClient();
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => loadPage(filterSearch, cursor, signal),
    [filterSearch],
  );
  const list = useCursorPages(queryKeys.images(filterSearch), fetchPage);
  const { pages, items: images, status: listStatus, refetch, retry } = list;
  const source = pages?.[0]?.source ?? "network";

  // Every page from the studio (fetched here or rendered by the server) is saved once.
  const mirrored = useRef(new WeakSet<ImagePage>());
  useEffect(() => {
    if (!pages) return;
    pages.forEach((page, index) => {
      if (page.source !== "network" || mirrored.current.has(page)) return;
      mirrored.current.add(page);
      void mirrorPage(filterSearch, page, pages[index - 1]?.items.at(-1) ?? null);
    });
  }, [pages, filterSearch]);

  // Showing the device's copy: the real list replaces it as soon as the connection returns.
  useEffect(() => {
    if (source !== "device") return;
    const reload = () => void refetch();
    window.addEventListener("online", reload);
    return () => window.removeEventListener("online", reload);
  }, [source, refetch]);

  // After a failed later page, only Retry asks again (scrolling would ask in a loop).
  const failedMore = listStatus === "error-more";
  const { loadMore: loadNextPage } = list;
  const loadMore = useCallback(() => {
    if (!failedMore) loadNextPage();
  }, [failedMore, loadNextPage]);

  const updateImage = useCallback(
    (image: Image) =>
      updateLists(queryClient, (items) =>
        items.map((item) => (item.id === image.id ? image : item)),
      ),
    [queryClient],
  );
  /** A just-made image: first when newest first; last when oldest first, once the end is here. */
  const addNewImage = useCallback(
    (image: Image) =>
      queryClient.setQueryData<ImagePagesData>(queryKeys.images(filterSearch), (data) => {
        if (!data || data.pages.some((page) => page.items.some((item) => item.id === image.id)))
          return data;
        if (readGalleryFilters(new URLSearchParams(filterSearch)).sort === "oldest") {
          const last = data.pages.at(-1);
          if (!last || last.hasMore) return data;
          const pages = [...data.pages.slice(0, -1), { ...last, items: [...last.items, image] }];
          return { ...data, pages };
        }
        const [first, ...rest] = data.pages;
        return first
          ? { ...data, pages: [{ ...first, items: [image, ...first.items] }, ...rest] }
          : data;
      }),
    [queryClient, filterSearch],
  );
  const patchImages = useCallback(
    (ids: readonly string[], patch: Partial<Pick<Image, "favorite" | "isPublic">>) => {
      const chosen = new Set(ids);
      updateLists(queryClient, (items) =>
        items.map((item) => (chosen.has(item.id) ? { ...item, ...patch } : item)),
      );
    },
    [queryClient],
  );

  // A failed refetch keeps what is shown (the server's page, say); only a list with nothing fails.
  const status = listStatus === "loading" || listStatus === "error" ? listStatus : "ready";

  return {
    status,
    images,
    hasMore: list.hasMore,
    loadingMore: listStatus === "loading-more",
    /** The first page failed (status "error") or a later page did. */
    error: list.error && (status === "error" || failedMore) ? list.error : null,
    /** "device": the studio could not be reached, these are the images saved on this device. */
    source,
    loadMore,
    retry,
    updateImage,
    addNewImage,
    patchImages,
  };
}
