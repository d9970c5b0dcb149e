import { ApiClientError } from "@/lib/api/errors";
import { apiRequest } from "@/lib/api/request";
import type { Image } from "@/shared/api-types";
import { buildGenerateBody } from "@/lib/generation/request-body";
import { claimNextEntry, completeEntry, deferEntry, failEntry } from "./outbox";
import { offlineDbExists, openOfflineDb, readOwnerUserId, type OutboxEntry } from "./offline-db";

/*
 * Sends the outbox. Imported by the service worker (Background Sync) as well as by pages, so it
 * must stay worker-safe: no window, no document, only apiRequest, indexedDB and crypto. In a
 * page, a 401 here ends the session like any other API answer (src/lib/offline/session-end.ts);
 * the worker has no page to wipe and only waits for a sign-in.
 */

const GENERATE_URL = "/api/v1/images/generate";
const PROFILE_URL = "/api/v1/auth/profile";

type SendResult =
  | { kind: "sent"; image: Image }
  | { kind: "permanent"; message: string }
  | { kind: "transient"; message: string; retryAfterMs: number | null }
  | { kind: "offline" }
  | { kind: "signed-out" };

/**
 * Sends every due outbox entry, one at a time, until none is due or the network is gone.
 * `sent` counts images received, `failed` entries that failed (permanently or for now).
 */
export async function flushOutbox(): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  if (!(await offlineDbExists())) return result;
  const db = await openOfflineDb();
  const ownerUserId = await readOwnerUserId(db);
  if (!ownerUserId) return result;

  const flusher = crypto.randomUUID();
  const made: Image[] = [];
  let checkedSession = false;
  for (;;) {
    const entry = await claimNextEntry(flusher, Date.now(), db);
    if (!entry) break;

    if (!checkedSession) {
      // The cookie decides whose account a send lands in: never send one user's prompts as another.
      const session = await readSessionUserId();
      if (session.kind !== "ok" || session.userId !== entry.userId) {
        await deferEntry(entry.id, flusher, {
          message: "Waiting for you to sign in again.",
          countsAsAttempt: false,
        });
        // Unreachable counts as a failure, so Background Sync tries again later.
        if (session.kind === "offline") result.failed += 1;
        break;
      }
      checkedSession = true;
    }

    const outcome = await sendEntry(entry);
    if (outcome.kind === "sent") {
      if (await completeEntry(entry.id, outcome.image)) {
        result.sent += 1;
        made.push(outcome.image);
      }
      continue;
    }
    if (outcome.kind === "permanent") {
      await failEntry(entry.id, flusher, outcome.message);
      result.failed += 1;
      continue;
    }
    if (outcome.kind === "transient") {
      await deferEntry(entry.id, flusher, {
        message: outcome.message,
        retryAfterMs: outcome.retryAfterMs,
      });
      result.failed += 1;
      continue;
    }
    // Offline or signed out: put it back untouched and stop; the next online event retries.
    await deferEntry(entry.id, flusher, {
      message: outcome.kind === "offline" ? "Waiting for a connection." : "Waiting for sign-in.",
      countsAsAttempt: false,
    });
    if (outcome.kind === "offline") result.failed += 1;
    break;
  }
  if (made.length > 0) await notifyFromWorker(made);
  return result;
}

interface WorkerScope {
  registration: ServiceWorkerRegistration;
  clients: { matchAll(options: { type: "window" }): Promise<{ visibilityState?: string }[]> };
}

/**
 * In the service worker (Background Sync with no page in front of the user), a system
 * notification is the only way to say the images are ready — shown only if the user already
 * allowed notifications. Pages announce what they flush themselves.
 */
async function notifyFromWorker(images: readonly Image[]): Promise<void> {
  const scope = globalThis as unknown as Partial<WorkerScope>;
  const inWorker = typeof window === "undefined" && scope.registration && scope.clients;
  if (!inWorker || typeof Notification === "undefined") return;
  if (Notification.permission !== "granted") return;
  try {
    const windows = await scope.clients!.matchAll({ type: "window" });
    if (windows.some((client) => client.visibilityState === "visible")) return;
    const first = images[0]!;
    await scope.registration!.showNotification(
      images.length === 1
        ? "Your queued prompt is ready"
        : `${images.length} queued prompts are ready`,
      {
        body: first.prompt,
        tag: "studio-outbox",
        icon: first.urls.thumbnails["150"] ?? undefined,
        data: { url: images.length === 1 ? `/images/${first.id}` : "/gallery" },
      },
    );
  } catch {
    // Notifications are a courtesy; the page still shows the images next time it opens.
  }
}

async function readSessionUserId(): Promise<
  { kind: "ok"; userId: string } | { kind: "signed-out" } | { kind: "offline" }
> {
  try {
    const { data } = await apiRequest<{ user?: { id?: unknown } }>(PROFILE_URL, {
      cache: "no-store",
    });
    const id = data.user?.id;
    return typeof id === "string" ? { kind: "ok", userId: id } : { kind: "offline" };
  } catch (error) {
    if (error instanceof ApiClientError && error.status === 401) return { kind: "signed-out" };
    return { kind: "offline" };
  }
}

/** The non-streaming JSON form (multipart with an input image), with the entry's Idempotency-Key. */
async function sendEntry(entry: OutboxEntry): Promise<SendResult> {
  const image = entry.inputImage
    ? new File([entry.inputImage], entry.inputImageName ?? "input-image", {
        type: entry.inputImage.type,
      })
    : null;
  const generateBody = buildGenerateBody(entry.input, image);
  const init = {
    method: "POST",
    // X-Studio-Origin: the person wrote this earlier and may not be looking now, so the studio
    // mails them when it is ready (if they turned email notifications on; docs/api.md).
    headers: { "Idempotency-Key": entry.idempotencyKey, "X-Studio-Origin": "outbox" },
    ...(generateBody.kind === "form" ? { body: generateBody.value } : { json: generateBody.value }),
  };

  let sent: Image | undefined;
  try {
    sent = (await apiRequest<{ image?: Image }>(GENERATE_URL, init)).data.image;
  } catch (error) {
    if (!(error instanceof ApiClientError)) throw error;
    return outcomeOfFailure(error);
  }
  if (sent) return { kind: "sent", image: sent };
  return { kind: "transient", message: "The studio sent no image.", retryAfterMs: null };
}

function outcomeOfFailure(error: ApiClientError): SendResult {
  const { status } = error;
  if (error.code === "NETWORK_ERROR") return { kind: "offline" };
  if (status === 401) return { kind: "signed-out" };
  if (status >= 400 && status < 500 && ![408, 429].includes(status)) {
    return { kind: "permanent", message: error.message };
  }
  const retryAfterMs = error.retryAfterSeconds === null ? null : error.retryAfterSeconds * 1000;
  return { kind: "transient", message: error.message, retryAfterMs };
}
