import { clearQueryCache } from "@/lib/api/query-client";
import { forgetExpirationEntries } from "@/lib/pwa/expiration-metadata";
import { PRIVATE_CACHES } from "@/lib/pwa/offline-contract";
import { postToServiceWorker } from "@/lib/pwa/service-worker-client";
import { deleteOfflineDb } from "./offline-db";

/*
 * Browser-only. Removes everything of the signed-in user this device holds: the answers this
 * tab keeps in memory (the query cache), the IndexedDB database, every private cache and the
 * worker's record of what those caches held (Serwist's expiration database lists their URLs). The worker is asked first (it may hold caches open and
 * knows its own), then the page deletes the same things itself, so a missing or slow worker
 * leaves nothing behind.
 */

let clearing: Promise<void> | null = null;

export function clearPrivateData(): Promise<void> {
  clearing ??= run().finally(() => {
    clearing = null;
  });
  return clearing;
}

async function run(): Promise<void> {
  clearQueryCache();
  const worker = postToServiceWorker({ type: "clear-private-data" }).catch(() => null);
  const caches = deletePrivateCaches();
  const database = deleteOfflineDb().catch(() => undefined);
  await Promise.all([worker, caches, database]);
  announcePrivateDataCleared();
}

async function deletePrivateCaches(): Promise<void> {
  const names = Object.values(PRIVATE_CACHES);
  await Promise.all([
    ...(typeof caches === "undefined"
      ? []
      : names.map((name) => caches.delete(name).catch(() => false))),
    forgetExpirationEntries(names).catch(() => undefined),
  ]);
}

const CHANNEL = "studio-private-data";

/** Other tabs of this browser drop what they show of the user (their in-memory copies). */
function announcePrivateDataCleared(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: "cleared" });
  channel.close();
}

export function onPrivateDataCleared(listener: () => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
