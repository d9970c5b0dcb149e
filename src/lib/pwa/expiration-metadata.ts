/**
 * Runs in pages and in the service worker. Serwist's ExpirationPlugin keeps its own record of
 * every URL it stored in an expiring cache, and when: one IndexedDB database for all caches,
 * apart from the caches themselves. Deleting a cache leaves those records behind, and for the
 * private caches they are the URLs of the user's API answers and of the images they viewed.
 *
 * Trap: the worker's Serwist holds a connection to the database for its whole life, so the
 * database cannot be deleted from under it (the deletion would wait until the worker stops, and
 * then break its next write); only the records go.
 */

/** Names from Serwist's CacheTimestampsModel (expiration-metadata.test.ts writes through it). */
export const EXPIRATION_DB_NAME = "serwist-expiration";
const ENTRIES_STORE = "cache-entries";

/** Removes what the expiration records say about the given caches; the rest stays. */
export async function forgetExpirationEntries(cacheNames: readonly string[]): Promise<void> {
  if (typeof indexedDB === "undefined" || cacheNames.length === 0) return;
  const db = await openIfPresent();
  if (!db) return;
  try {
    if (!db.objectStoreNames.contains(ENTRIES_STORE)) return;
    const forgotten = new Set(cacheNames);
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(ENTRIES_STORE, "readwrite");
      const walk = transaction.objectStore(ENTRIES_STORE).openCursor();
      walk.onsuccess = () => {
        const cursor = walk.result;
        if (!cursor) return;
        const entry: unknown = cursor.value;
        const cacheName =
          typeof entry === "object" && entry !== null && "cacheName" in entry
            ? entry.cacheName
            : null;
        if (typeof cacheName === "string" && forgotten.has(cacheName)) cursor.delete();
        cursor.continue();
      };
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error("transaction aborted"));
    });
  } finally {
    db.close();
  }
}

/**
 * Opens the database only if Serwist made it. Opening a missing one would create it empty, at
 * the version Serwist asks for, so Serwist would never create its store and could not record
 * anything again.
 */
async function openIfPresent(): Promise<IDBDatabase | null> {
  if (typeof indexedDB.databases === "function") {
    const present = await indexedDB.databases();
    if (!present.some((database) => database.name === EXPIRATION_DB_NAME)) return null;
  }
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(EXPIRATION_DB_NAME);
    // Only a missing database is upgraded here: undo its creation (the open then fails).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () =>
      request.error?.name === "AbortError" ? resolve(null) : reject(request.error);
  });
}
