/**
 * Browser-only. The pages' side of the service worker: register it once, send it a message and
 * wait for its reply, and listen to what it broadcasts. Everything here is a no-op (never a
 * throw) where there is no service worker — `npm run dev`, an unsupported browser, a private
 * window that refuses registration — so callers such as logout need no special case.
 */
import type { Serwist } from "@serwist/window";
import type { WorkerMessage } from "./offline-contract";
import { isWorkerMessage } from "./worker-messages";

export const SERVICE_WORKER_URL = "/sw.js";
export const SERVICE_WORKER_SCOPE = "/";

/** How long postToServiceWorker waits for an answer before giving up (resolving null). */
export const DEFAULT_REPLY_TIMEOUT_MS = 5_000;

let serwist: Serwist | null = null;

function hasServiceWorker(): boolean {
  return typeof navigator !== "undefined" && "serviceWorker" in navigator;
}

/**
 * The Serwist window helper for /sw.js, created (not yet registered) on first call; null where
 * service workers are unavailable. ServiceWorkerProvider registers it, in production only.
 * Serwist's code is loaded here, on demand: this module is on every page (logout and the
 * private-data wipe message the worker), registering is not needed to paint any of them.
 */
export async function getServiceWorker(): Promise<Serwist | null> {
  if (!hasServiceWorker()) return null;
  // @serwist/next's window entry would have set window.serwist; next.config.mjs leaves that
  // entry out, but one made there is reused so a single instance tracks the registration.
  serwist ??=
    (window as Window & { serwist?: Serwist }).serwist ??
    new (await import("@serwist/window")).Serwist(SERVICE_WORKER_URL, {
      scope: SERVICE_WORKER_SCOPE,
      type: "classic",
    });
  return serwist;
}

/** The worker that should answer: the one controlling this page, else the active one. */
async function currentWorker(): Promise<ServiceWorker | null> {
  if (!hasServiceWorker()) return null;
  if (navigator.serviceWorker.controller) return navigator.serviceWorker.controller;
  try {
    const registration = await navigator.serviceWorker.getRegistration(SERVICE_WORKER_SCOPE);
    return registration?.active ?? null;
  } catch {
    return null;
  }
}

/**
 * Sends `message` to the service worker over a MessageChannel and resolves with its reply.
 * Resolves null when no worker is there to answer, or when it does not answer within
 * `timeoutMs` — the caller carries on either way (e.g. logout still signs out).
 */
export async function postToServiceWorker(
  message: WorkerMessage,
  { timeoutMs = DEFAULT_REPLY_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<WorkerMessage | null> {
  const worker = await currentWorker();
  if (!worker) return null;
  return new Promise<WorkerMessage | null>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(reply: WorkerMessage | null) {
      clearTimeout(timer);
      channel.port1.close();
      resolve(reply);
    }
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      finish(isWorkerMessage(event.data) ? event.data : null);
    };
    try {
      worker.postMessage(message, [channel.port2]);
    } catch {
      finish(null);
    }
  });
}

/**
 * Calls `listener` with every contract message the service worker sends to this page
 * (`session-ended`, `outbox-flushed`, …). Returns the function that stops listening.
 */
export function onServiceWorkerMessage(listener: (message: WorkerMessage) => void): () => void {
  if (!hasServiceWorker()) return () => {};
  const container = navigator.serviceWorker;
  const handle = (event: MessageEvent<unknown>) => {
    if (isWorkerMessage(event.data)) listener(event.data);
  };
  container.addEventListener("message", handle);
  // Messages sent before the page finished loading wait in a queue until this is called.
  container.startMessages();
  return () => container.removeEventListener("message", handle);
}
