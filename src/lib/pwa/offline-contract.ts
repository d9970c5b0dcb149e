/**
 * The names the service worker (src/app/sw.ts) and the pages (src/lib/offline) agree on.
 * Changing a cache name orphans what browsers hold under the old one: bump the version suffix
 * and let the service worker's activate step delete caches that are no longer listed here.
 */

/** Caches that hold one signed-in user's data; logout and an expired session delete them all. */
export const PRIVATE_CACHES = {
  /** HTML of signed-in pages (/gallery, /images/:id, /collections, /generate, /settings). */
  pages: "studio-pages-v1",
  /** JSON from /api/v1/images*, /api/v1/gallery/collections*, /api/v1/settings. */
  api: "studio-api-v1",
  /** Thumbnails and originals from /api/v1/images/:id/files/:variant, keyed by that URL.
   *  v2: v1 workers kept public files cache-first, so their copies outlived a change to private. */
  images: "studio-images-v2",
  /** Images of collections the user chose to "Make available offline" (never evicted by age). */
  offline: "studio-offline-v1",
  /** The image another app shared into the studio (share_target), until /generate picks it up. */
  shareTarget: "studio-share-target-v1",
} as const;

/** Caches of public assets; they may outlive a session. */
export const PUBLIC_CACHES = {
  static: "studio-static-v1",
} as const;

/** IndexedDB database holding the signed-in user's offline data (image metadata, outbox). */
export const OFFLINE_DB_NAME = "studio-offline";

/** Background Sync tag under which the outbox asks to be flushed when the network returns. */
export const OUTBOX_SYNC_TAG = "studio-outbox";

/** Where the manifest's share_target posts, and where the shared file waits in its cache. */
export const SHARE_TARGET_ACTION = "/share-target";
export const SHARED_IMAGE_CACHE_KEY = "/share-target/latest";

/** Messages between pages and the service worker (postMessage `data`). */
export type WorkerMessage =
  /** page → worker: delete every private cache (logout). Worker replies `private-data-cleared`. */
  | { type: "clear-private-data" }
  | { type: "private-data-cleared" }
  /** worker → pages: an API call answered 401, the session is gone; pages clear IndexedDB. */
  | { type: "session-ended" }
  /** worker → pages: Background Sync flushed the outbox; pages refresh their queued list. */
  | { type: "outbox-flushed"; sent: number }
  /** page → worker: this same-origin page was reached by client-side navigation (no document
   *  request went through the worker); keep its HTML in the pages cache so it opens offline. */
  | { type: "cache-page"; url: string };
