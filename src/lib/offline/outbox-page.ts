import { OUTBOX_SYNC_TAG } from "@/lib/pwa/offline-contract";
import type { GenerateInput } from "@/shared/schemas/images";
import { claimOfflineDbFor } from "./offline-db";
import { cancelEntry, enqueuePrompt, retryEntry } from "./outbox";
import { announceOutboxChanged } from "./outbox-events";
import { flushOutbox } from "./outbox-flush";

/* Browser-only: the page's side of the outbox (queueing, Background Sync, flushing here). */

/** Whether a failed request means "no connection" rather than a server answer. */
export function isOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

/**
 * Queues a prompt to be sent when the connection returns. `idempotencyKey` is the key of an
 * attempt that may have reached the server before the connection dropped: reusing it means
 * the replay returns that image instead of making a second one.
 */
export async function queuePrompt({
  userId,
  input,
  image,
  idempotencyKey,
}: {
  userId: string;
  input: GenerateInput;
  image: File | null;
  idempotencyKey?: string;
}): Promise<void> {
  await claimOfflineDbFor(userId);
  await enqueuePrompt({ userId, input, inputImage: image, idempotencyKey });
  announceOutboxChanged();
  void registerOutboxSync();
}

export async function cancelQueuedPrompt(id: string): Promise<boolean> {
  const cancelled = await cancelEntry(id);
  announceOutboxChanged();
  return cancelled;
}

export async function retryQueuedPrompt(id: string): Promise<void> {
  await retryEntry(id);
  announceOutboxChanged();
  void registerOutboxSync();
  if (!isOffline()) void flushOutboxFromPage();
}

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Asks the service worker to flush when the connection returns (Chromium's Background Sync). */
export async function registerOutboxSync(): Promise<boolean> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return false;
  try {
    const registration = (await navigator.serviceWorker.getRegistration()) as
      (ServiceWorkerRegistration & SyncRegistration) | undefined;
    if (!registration?.active || !registration.sync) return false;
    await registration.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}

let flushing: Promise<{ sent: number; failed: number }> | null = null;

/** Flushes from this page; one flush at a time per page (the lease guards against other flushers). */
export function flushOutboxFromPage(): Promise<{ sent: number; failed: number }> {
  flushing ??= flushOutbox()
    .catch(() => ({ sent: 0, failed: 1 }))
    .finally(() => {
      flushing = null;
      announceOutboxChanged();
    });
  return flushing;
}
