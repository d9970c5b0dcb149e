import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Image } from "@/shared/api-types";
import type { GenerateInput } from "@/shared/schemas/images";
import { OFFLINE_DB_NAME } from "@/lib/pwa/offline-contract";

/*
 * The signed-in user's offline data. Runs in pages and in the service worker (sw.ts imports the
 * outbox flusher), so nothing here may touch window or document.
 */

export const OFFLINE_DB_VERSION = 1;

export type OutboxStatus = "queued" | "sending" | "failed" | "sent";

export interface OutboxEntry {
  id: string;
  /** Sent as Idempotency-Key on every attempt, so a resend returns the first image. */
  idempotencyKey: string;
  /** Whose prompt this is; never sent under another account. */
  userId: string;
  input: GenerateInput;
  /** The input image for image-to-image, sent as multipart/form-data. */
  inputImage: Blob | null;
  /** Its file name: not every structured clone keeps a File a File. */
  inputImageName: string | null;
  status: OutboxStatus;
  /** A flusher owns a "sending" entry until leaseUntil (epoch ms); after that another may claim it. */
  leaseOwner: string | null;
  leaseUntil: number;
  attempts: number;
  /** Not sent again before this time (epoch ms): backoff after a transient failure. */
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  /** Set when the server answered with the image ("sent"); the page announces it, then removes it. */
  resultImage: Image | null;
}

export interface MirroredImage {
  id: string;
  image: Image;
  /** Gallery order: the API lists newest first by (createdAt, id). */
  createdAt: string;
  /** When this copy was last written (epoch ms). */
  savedAt: number;
}

export interface OfflineCollection {
  id: string;
  name: string;
  description: string | null;
  /** Image ids in the collection's order. */
  imageIds: string[];
  /** Every URL put into PRIVATE_CACHES.offline for this collection (files and API pages). */
  cachedUrls: string[];
  bytes: number;
  savedAt: number;
}

interface OfflineSchema extends DBSchema {
  meta: { key: string; value: { key: string; value: string } };
  images: {
    key: string;
    value: MirroredImage;
    indexes: { byOrder: [string, string] };
  };
  outbox: {
    key: string;
    value: OutboxEntry;
    indexes: { byCreated: number };
  };
  collections: { key: string; value: OfflineCollection };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

export const OWNER_USER_ID_KEY = "ownerUserId";

let cached: Promise<OfflineDb> | null = null;
// Set by deleteOfflineDb: until someone signs in again (claimOfflineDbFor), nothing in this realm
// may reopen — and so recreate — the database a logout just deleted.
let wiped = false;

/**
 * One shared connection per realm. It closes itself when someone deletes or upgrades the
 * database (logout in another tab), so deleteDatabase is never blocked by us.
 */
export function openOfflineDb(): Promise<OfflineDb> {
  if (wiped) return Promise.reject(new Error("The offline data was cleared."));
  if (cached) return cached;
  const opening = openDB<OfflineSchema>(OFFLINE_DB_NAME, OFFLINE_DB_VERSION, {
    upgrade(db) {
      db.createObjectStore("meta", { keyPath: "key" });
      const images = db.createObjectStore("images", { keyPath: "id" });
      images.createIndex("byOrder", ["createdAt", "id"]);
      const outbox = db.createObjectStore("outbox", { keyPath: "id" });
      outbox.createIndex("byCreated", "createdAt");
      db.createObjectStore("collections", { keyPath: "id" });
    },
    blocking() {
      void opening.then((db) => db.close());
      if (cached === opening) cached = null;
    },
    terminated() {
      if (cached === opening) cached = null;
    },
  });
  cached = opening;
  opening.catch(() => {
    if (cached === opening) cached = null;
  });
  return opening;
}

/**
 * Whether the database exists, without creating it (where the browser can tell; elsewhere
 * assumes it does). The service worker checks this so a flush after logout creates nothing.
 */
export async function offlineDbExists(): Promise<boolean> {
  if (!hasIndexedDb()) return false;
  if (typeof indexedDB.databases !== "function") return true;
  try {
    return (await indexedDB.databases()).some((info) => info.name === OFFLINE_DB_NAME);
  } catch {
    return true;
  }
}

/** Closes this realm's connection (tests; before deleting the database). */
export async function closeOfflineDb(): Promise<void> {
  const current = cached;
  cached = null;
  if (current) (await current.catch(() => null))?.close();
}

/** Whether IndexedDB exists here (not in old browsers, private modes of some, or SSR). */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== "undefined";
}

export async function readOwnerUserId(db: OfflineDb): Promise<string | null> {
  return (await db.get("meta", OWNER_USER_ID_KEY))?.value ?? null;
}

/**
 * Makes the database belong to `userId`. Data of another user is wiped first, in the same
 * transaction, so no one ever reads another account's images or sends their prompts.
 */
export async function claimOfflineDbFor(userId: string): Promise<OfflineDb> {
  wiped = false;
  const db = await openOfflineDb();
  const tx = db.transaction(["meta", "images", "outbox", "collections"], "readwrite");
  const owner = await tx.objectStore("meta").get(OWNER_USER_ID_KEY);
  if (owner?.value !== userId) {
    await Promise.all([
      tx.objectStore("images").clear(),
      tx.objectStore("outbox").clear(),
      tx.objectStore("collections").clear(),
      tx.objectStore("meta").clear(),
    ]);
    await tx.objectStore("meta").put({ key: OWNER_USER_ID_KEY, value: userId });
  }
  await tx.done;
  return db;
}

/** Deletes the whole database. Resolves once it is gone (other connections close themselves). */
export async function deleteOfflineDb(): Promise<void> {
  if (!hasIndexedDb()) return;
  wiped = true;
  await closeOfflineDb();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(OFFLINE_DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error("Could not delete offline data."));
    // Another realm has not closed yet; its versionchange handler will, then success follows.
    request.onblocked = () => undefined;
  });
}
