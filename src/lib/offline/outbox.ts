import type { Image } from "@/shared/api-types";
import type { GenerateInput } from "@/shared/schemas/images";
import { OWNER_USER_ID_KEY, openOfflineDb, type OfflineDb, type OutboxEntry } from "./offline-db";

/*
 * The outbox of prompts submitted while offline. Worker-safe: no window or document.
 *
 * Exactly once: a flusher (a page, another tab, the service worker) claims an entry inside one
 * readwrite transaction, which IndexedDB runs alone on the store, so two flushers never both
 * hold it. The claim is a lease: if its holder dies, the entry is claimable again after
 * LEASE_MS and is resent with the same Idempotency-Key, and the server answers with the image
 * of the first attempt instead of generating another.
 */

/** Longer than a generation normally takes, so a slow send is not resent while in flight. */
export const LEASE_MS = 3 * 60 * 1000;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 10 * 60 * 1000;

export interface EnqueueInput {
  userId: string;
  input: GenerateInput;
  inputImage?: Blob | null;
  /** Defaults to a fresh key; pass the key of an attempt that may already have reached the server. */
  idempotencyKey?: string;
  now?: number;
}

export async function enqueuePrompt({
  userId,
  input,
  inputImage = null,
  idempotencyKey = crypto.randomUUID(),
  now = Date.now(),
}: EnqueueInput): Promise<OutboxEntry> {
  const entry: OutboxEntry = {
    id: crypto.randomUUID(),
    idempotencyKey,
    userId,
    input,
    inputImage,
    inputImageName: inputImage instanceof File && inputImage.name ? inputImage.name : null,
    status: "queued",
    leaseOwner: null,
    leaseUntil: 0,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    resultImage: null,
  };
  const db = await openOfflineDb();
  await db.put("outbox", entry);
  return entry;
}

/** Entries still waiting, being sent or failed, oldest first (sent ones are announced elsewhere). */
export async function listOutbox(db?: OfflineDb): Promise<OutboxEntry[]> {
  const database = db ?? (await openOfflineDb());
  const all = await database.getAllFromIndex("outbox", "byCreated");
  return all.filter((entry) => entry.status !== "sent");
}

/** How many prompts logging out would discard. */
export async function countPendingPrompts(): Promise<number> {
  return (await listOutbox()).filter((entry) => entry.status !== "failed").length;
}

/** Removes an entry unless a flusher is sending it right now (then it is too late to cancel). */
export async function cancelEntry(id: string, now = Date.now()): Promise<boolean> {
  const db = await openOfflineDb();
  const tx = db.transaction("outbox", "readwrite");
  const entry = await tx.store.get(id);
  const inFlight = entry?.status === "sending" && entry.leaseUntil > now;
  if (entry && !inFlight) await tx.store.delete(id);
  await tx.done;
  return Boolean(entry) && !inFlight;
}

/** Puts a failed entry back in the queue, due now, with the same Idempotency-Key. */
export async function retryEntry(id: string, now = Date.now()): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction("outbox", "readwrite");
  const entry = await tx.store.get(id);
  if (entry && entry.status === "failed") {
    await tx.store.put({ ...entry, status: "queued", nextAttemptAt: now, lastError: null });
  }
  await tx.done;
}

/**
 * Claims the oldest due entry for `owner`: queued and due, or "sending" with an expired lease.
 * Returns null when nothing is due. Atomic across tabs and the worker.
 */
export async function claimNextEntry(
  owner: string,
  now = Date.now(),
  db?: OfflineDb,
): Promise<OutboxEntry | null> {
  const database = db ?? (await openOfflineDb());
  const tx = database.transaction(["outbox", "meta"], "readwrite");
  // Entries of another account (should the wipe on sign-in not have run yet) are never sent.
  const ownerUserId = (await tx.objectStore("meta").get(OWNER_USER_ID_KEY))?.value ?? null;
  let claimed: OutboxEntry | null = null;
  let cursor = await tx.objectStore("outbox").index("byCreated").openCursor();
  while (cursor) {
    const entry = cursor.value;
    const due =
      (entry.status === "queued" && entry.nextAttemptAt <= now) ||
      (entry.status === "sending" && entry.leaseUntil <= now);
    if (due && entry.userId === ownerUserId) {
      claimed = {
        ...entry,
        status: "sending",
        leaseOwner: owner,
        leaseUntil: now + LEASE_MS,
        attempts: entry.attempts + 1,
      };
      await cursor.update(claimed);
      break;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return claimed;
}

/** Records the server's image. Whoever holds the entry may finish it; a late duplicate changes nothing. */
export async function completeEntry(id: string, image: Image): Promise<boolean> {
  const db = await openOfflineDb();
  const tx = db.transaction("outbox", "readwrite");
  const entry = await tx.store.get(id);
  let completed = false;
  if (entry && entry.status !== "sent") {
    await tx.store.put({
      ...entry,
      status: "sent",
      resultImage: image,
      inputImage: null,
      leaseOwner: null,
      lastError: null,
    });
    completed = true;
  }
  await tx.done;
  return completed;
}

/** A permanent failure: kept with its message until the user retries or deletes it. */
export async function failEntry(id: string, owner: string, message: string): Promise<void> {
  await releaseEntry(id, owner, (entry) => ({
    ...entry,
    status: "failed",
    lastError: message,
  }));
}

/**
 * A transient failure: queued again after a backoff (or the server's Retry-After).
 * `countsAsAttempt: false` (the network was down) gives the attempt back.
 */
export async function deferEntry(
  id: string,
  owner: string,
  {
    message,
    retryAfterMs,
    countsAsAttempt = true,
    now = Date.now(),
  }: { message: string; retryAfterMs?: number | null; countsAsAttempt?: boolean; now?: number },
): Promise<void> {
  await releaseEntry(id, owner, (entry) => {
    const attempts = countsAsAttempt ? entry.attempts : Math.max(0, entry.attempts - 1);
    const wait = countsAsAttempt ? (retryAfterMs ?? backoffMs(attempts)) : 0;
    return {
      ...entry,
      status: "queued",
      attempts,
      nextAttemptAt: now + wait,
      lastError: countsAsAttempt ? message : entry.lastError,
    };
  });
}

/** 5 s, 10 s, 20 s … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

async function releaseEntry(
  id: string,
  owner: string,
  change: (entry: OutboxEntry) => OutboxEntry,
): Promise<void> {
  const db = await openOfflineDb();
  const tx = db.transaction("outbox", "readwrite");
  const entry = await tx.store.get(id);
  // Only the current lease holder decides; a flusher whose lease was taken over stays quiet.
  if (entry && entry.status === "sending" && entry.leaseOwner === owner) {
    await tx.store.put({ ...change(entry), leaseOwner: null, leaseUntil: 0 });
  }
  await tx.done;
}

/** Prompts that became images and have not been announced yet; removes them as it returns them. */
export async function takeSentEntries(): Promise<OutboxEntry[]> {
  const db = await openOfflineDb();
  const tx = db.transaction("outbox", "readwrite");
  const sent: OutboxEntry[] = [];
  let cursor = await tx.store.index("byCreated").openCursor();
  while (cursor) {
    if (cursor.value.status === "sent") {
      sent.push(cursor.value);
      await cursor.delete();
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return sent;
}

/** The earliest time a queued entry becomes due, for scheduling the next flush; null if none. */
export async function nextDueAt(): Promise<number | null> {
  const entries = await listOutbox();
  let earliest: number | null = null;
  for (const entry of entries) {
    const at =
      entry.status === "queued"
        ? entry.nextAttemptAt
        : entry.status === "sending"
          ? entry.leaseUntil
          : null;
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}
