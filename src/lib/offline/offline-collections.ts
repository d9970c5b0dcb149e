import { apiRequest, fetchSameOriginFile } from "@/lib/api/request";
import { PRIVATE_CACHES } from "@/lib/pwa/offline-contract";
import type { Collection, Image } from "@/shared/api-types";
import { mirrorImages } from "./image-mirror";
import { openOfflineDb, type OfflineCollection } from "./offline-db";

/*
 * Browser-only. "Make available offline" for a collection: its page, its API pages and every
 * file of its images go into PRIVATE_CACHES.offline, which the service worker consults first and
 * never expires; the image metadata goes into IndexedDB. Undoing removes exactly those entries.
 */

const API_BASE = "/api/v1/gallery/collections";
const LIST_PAGE_SIZE = 100;
const PARALLEL_DOWNLOADS = 4;

export interface SaveProgress {
  done: number;
  total: number;
}

/** The key the service worker looks files up by: origin and path, never the query. */
function fileKey(url: string): string {
  const parsed = new URL(url, self.location.origin);
  return `${parsed.origin}${parsed.pathname}`;
}

function absolute(url: string): string {
  return new URL(url, self.location.origin).href;
}

/** An API answer, kept whole in `cache` under its URL; returns what it says. */
async function keepApiAnswer<T>(url: string, cache: Cache, signal: AbortSignal) {
  return apiRequest<T>(url, {
    signal,
    cache: "no-store",
    onResponse: (copy) => cache.put(url, copy),
  });
}

/** Every image of the collection, walking its API pages (each page is kept too). */
async function readAllImages(
  id: string,
  cache: Cache,
  signal: AbortSignal,
  cachedUrls: string[],
): Promise<Image[]> {
  const images: Image[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ limit: String(LIST_PAGE_SIZE) });
    if (cursor) params.set("cursor", cursor);
    const url = absolute(`${API_BASE}/${id}/images?${params.toString()}`);
    const { data, meta } = await keepApiAnswer<Image[]>(url, cache, signal);
    cachedUrls.push(url);
    images.push(...data);
    const pagination = meta.pagination;
    cursor = pagination?.hasMore ? pagination.nextCursor : null;
  } while (cursor);
  return images;
}

async function sizeOf(response: Response): Promise<number> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > 0) return declared;
  return (await response.blob()).size;
}

function filesOf(image: Image): string[] {
  const urls = [...Object.values(image.urls.thumbnails), image.urls.original].filter(
    (url): url is string => typeof url === "string" && url.length > 0,
  );
  return [...new Set(urls.map(fileKey))];
}

/**
 * Downloads the collection for offline use, reporting progress per file. Safe to run again
 * (to bring it up to date): files already kept are not downloaded twice.
 */
export async function saveCollectionOffline({
  collection,
  pagePath,
  onProgress,
  signal,
}: {
  collection: Collection;
  /** The collection's page, kept so it opens on a reload without a connection. */
  pagePath: string;
  onProgress: (progress: SaveProgress) => void;
  signal: AbortSignal;
}): Promise<OfflineCollection> {
  const cache = await caches.open(PRIVATE_CACHES.offline);
  const cachedUrls: string[] = [];

  const collectionUrl = absolute(`${API_BASE}/${collection.id}`);
  await keepApiAnswer<Collection>(collectionUrl, cache, signal);
  cachedUrls.push(collectionUrl);

  // The page itself goes to the pages cache too, where the worker's page route looks today.
  const pageUrl = absolute(pagePath);
  const page = await fetchSameOriginFile(pageUrl, {
    signal,
    cache: "no-store",
    headers: { Accept: "text/html" },
  });
  const pages = await caches.open(PRIVATE_CACHES.pages);
  await pages.put(pageUrl, page.clone());
  await cache.put(pageUrl, page);
  cachedUrls.push(pageUrl);

  const images = await readAllImages(collection.id, cache, signal, cachedUrls);
  const files = [...new Set(images.flatMap(filesOf))];
  let done = 0;
  let bytes = 0;
  onProgress({ done, total: files.length });

  const queue = [...files];
  async function worker() {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const kept = await cache.match(url);
      if (kept) {
        bytes += await sizeOf(kept);
      } else {
        // Files are streamed without a Content-Length, so the body itself says how big it is.
        const response = await fetchSameOriginFile(url, { signal, cache: "no-store" });
        const body = await response.blob();
        bytes += body.size;
        await cache.put(
          url,
          new Response(body, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          }),
        );
      }
      cachedUrls.push(url);
      done += 1;
      onProgress({ done, total: files.length });
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));

  await mirrorImages(images);
  const record: OfflineCollection = {
    id: collection.id,
    name: collection.name,
    description: collection.description,
    imageIds: images.map((image) => image.id),
    cachedUrls,
    bytes,
    savedAt: Date.now(),
  };
  const db = await openOfflineDb();
  await db.put("collections", record);
  return record;
}

export async function readOfflineCollection(id: string): Promise<OfflineCollection | null> {
  const db = await openOfflineDb();
  return (await db.get("collections", id)) ?? null;
}

/** Every collection saved on this device, most recently saved first. */
export async function listOfflineCollections(): Promise<OfflineCollection[]> {
  const db = await openOfflineDb();
  const all = await db.getAll("collections");
  return all.sort((a, b) => b.savedAt - a.savedAt);
}

/** Undoes "Make available offline": removes its entries, except files another saved collection keeps. */
export async function removeCollectionOffline(id: string): Promise<void> {
  const db = await openOfflineDb();
  const record = await db.get("collections", id);
  if (!record) return;
  const others = (await db.getAll("collections")).filter((item) => item.id !== id);
  const stillUsed = new Set(others.flatMap((item) => item.cachedUrls));
  const cache = await caches.open(PRIVATE_CACHES.offline);
  await Promise.all(
    record.cachedUrls.filter((url) => !stillUsed.has(url)).map((url) => cache.delete(url)),
  );
  await db.delete("collections", id);
}

export interface StorageUse {
  usage: number;
  quota: number;
}

/** What the browser says this site uses and may use; null where it cannot tell. */
export async function estimateStorage(): Promise<StorageUse | null> {
  if (typeof navigator === "undefined" || !navigator.storage?.estimate) return null;
  try {
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    return { usage, quota };
  } catch {
    return null;
  }
}

/** Asks the browser not to evict the site's data under storage pressure; true when granted. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === "undefined" || !navigator.storage?.persist) return false;
  try {
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
