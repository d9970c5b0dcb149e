/**
 * The service worker, built by @serwist/next into each build's own folder (production builds
 * only) and served as /sw.js (see next.config.mjs).
 * Which request goes to which cache is decided in src/lib/pwa/cache-rules.ts; this file wires
 * those decisions to Serwist strategies and owns the worker's events (messages, sync, share).
 *
 * Traps:
 * - Only one fetch listener may call respondWith for a request. Ours (below) takes the share
 *   target and the API calls that are never cached; Serwist's routes match only the cached
 *   kinds, so the two never both answer.
 * - skipWaiting is not automatic: the page asks for it (Serwist's SKIP_WAITING message) when the
 *   person clicks "Reload", after it saved what they were typing.
 */
import type { PrecacheEntry, SerwistGlobalConfig, SerwistPlugin } from "serwist";
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  Serwist,
  StaleWhileRevalidate,
  type RouteHandlerCallbackOptions,
  type RuntimeCaching,
} from "serwist";
import { flushOutbox } from "@/lib/offline/outbox-flush";
import {
  API_CACHE_MAX_ENTRIES,
  DATA_CACHE_MAX_AGE_SECONDS,
  IMAGE_CACHE_MAX_AGE_SECONDS,
  IMAGE_CACHE_MAX_ENTRIES,
  NETWORK_TIMEOUT_SECONDS,
  PAGE_CACHE_MAX_ENTRIES,
  PRIVATE_CACHE_NAMES,
  endsSession,
  imageCacheKey,
  isOwnersCopy,
  isStorableResponse,
  obsoleteCacheNames,
  revokesKeptCopy,
  routeRequest,
  type CachedRoute,
} from "@/lib/pwa/cache-rules";
import { forgetExpirationEntries } from "@/lib/pwa/expiration-metadata";
import {
  OUTBOX_SYNC_TAG,
  PRIVATE_CACHES,
  PUBLIC_CACHES,
  SHARED_IMAGE_CACHE_KEY,
  type WorkerMessage,
} from "@/lib/pwa/offline-contract";
import { isWorkerMessage } from "@/lib/pwa/worker-messages";
import { notificationFromPush } from "@/shared/push-message";
import { localeFromAcceptLanguage } from "@/i18n/locales";
import enPwa from "@/i18n/messages/en/pwa.json";
import idPwa from "@/i18n/messages/id/pwa.json";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/**
 * The texts the worker writes itself, in the browser's language: a worker has no request, so
 * neither the account's choice nor the cookie reaches it (pages send their own texts).
 */
const WORKER_TEXT =
  localeFromAcceptLanguage(self.navigator.language) === "id" ? idPwa.worker : enPwa.worker;

/** The precached page shown for a navigation that has neither network nor a cached copy. */
const OFFLINE_PAGE = "/~offline";
const SHARED_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp"]);

// ------------------------------------------------------------------ messages to pages ----

async function broadcast(message: WorkerMessage): Promise<void> {
  const clients = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of clients) client.postMessage(message);
}

/** The private caches, and Serwist's record of which URLs they held and when. */
async function deletePrivateCaches(): Promise<void> {
  await Promise.all([
    ...PRIVATE_CACHE_NAMES.map((name) => caches.delete(name)),
    forgetExpirationEntries(PRIVATE_CACHE_NAMES).catch(() => undefined),
  ]);
}

// Several API calls usually fail together when a session expires: clear and tell pages once.
let endingSession: Promise<void> | null = null;
function endSession(): Promise<void> {
  endingSession ??= (async () => {
    try {
      await deletePrivateCaches();
      await broadcast({ type: "session-ended" });
    } finally {
      endingSession = null;
    }
  })();
  return endingSession;
}

// ------------------------------------------------------------------------- plugins ----

/** Stores a response only when cache-rules says it is storable (a readable 200). */
const storeOnlyComplete: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (isStorableResponse(response) ? response : null),
};

/** A 401 from the API means the session is gone: its cached data must go too. */
const watchSession: SerwistPlugin = {
  fetchDidSucceed: async ({ request, response }) => {
    if (endsSession(request.url, response.status, self.location.origin)) await endSession();
    return response;
  },
};

/**
 * The studio says the viewer may no longer see this (made private, deleted): the copy kept for
 * it goes, so that it is not what answers the next time the studio cannot be reached.
 */
function forgetRevoked(cacheName: string, keyOf = (url: string) => url): SerwistPlugin {
  return {
    fetchDidSucceed: async ({ request, response }) => {
      if (revokesKeptCopy(response.status)) {
        const cache = await caches.open(cacheName);
        await cache.delete(keyOf(request.url), { ignoreVary: true });
      }
      return response;
    },
  };
}

/** Image URLs are stable per image and size: key them by path, never by query. */
const keyByStablePath: SerwistPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => imageCacheKey(request.url),
};

/**
 * When the network and the runtime cache both have nothing: a collection the person made
 * available offline keeps its pages and JSON in its own unexpiring cache
 * (lib/offline/offline-collections.ts); failing that, a page gets the precached offline page.
 * (Serwist's `fallbacks` option is not used: it skips any strategy that has its own
 * handlerDidError, which is exactly the strategies that need one.)
 */
const offlineFallback: SerwistPlugin = {
  handlerDidError: async ({ request }) => {
    const kept = await caches
      .open(PRIVATE_CACHES.offline)
      .then((cache) => cache.match(request.url, { ignoreVary: true }));
    if (kept) return kept;
    if (request.destination === "document" || request.mode === "navigate") {
      return serwist.matchPrecache(OFFLINE_PAGE);
    }
    return undefined;
  },
};

/** Whether a kept copy is younger than `maxAgeSeconds` by its Date header (none: it is). */
function isFreshCopy(response: Response, maxAgeSeconds: number): boolean {
  const date = Date.parse(response.headers.get("date") ?? "");
  return Number.isNaN(date) || date >= Date.now() - maxAgeSeconds * 1000;
}

/**
 * Serwist's ExpirationPlugin with its bookkeeping done when a copy is stored, not each time one
 * is read. Its read hook walks the timestamps of every kept copy of every cache in IndexedDB
 * (a read-write transaction, one cursor step per entry) after each hit; an offline reload of
 * the gallery reads dozens of copies (the page, its scripts, the thumbnails), so with hundreds
 * of thumbnails kept the worker spent the reload walking that index between its answers. A
 * read still refuses a copy older than maxAgeSeconds, as the plugin does; what is over the
 * limits goes the next time something is stored.
 */
function expireOnStore(config: {
  maxEntries: number;
  maxAgeSeconds: number;
  purgeOnQuotaError?: boolean;
}): SerwistPlugin {
  const expiration = new ExpirationPlugin(config);
  return {
    cacheDidUpdate: (param) => expiration.cacheDidUpdate(param),
    cachedResponseWillBeUsed: async ({ cachedResponse }) =>
      cachedResponse && isFreshCopy(cachedResponse, config.maxAgeSeconds) ? cachedResponse : null,
  };
}

// ---------------------------------------------------------------------- strategies ----

const imageExpiration = expireOnStore({
  maxEntries: IMAGE_CACHE_MAX_ENTRIES,
  maxAgeSeconds: IMAGE_CACHE_MAX_AGE_SECONDS,
  purgeOnQuotaError: true,
});

/**
 * How the worker fetches a file. In Supabase mode the studio answers with a redirect to a signed
 * Storage URL on another origin: an <img>'s no-cors request would come back opaque there, which
 * is never stored (isStorableResponse), so the worker asks in cors mode (Storage allows every
 * origin) and sends cookies to the studio only (`*` is refused for credentialed requests).
 */
const IMAGE_FETCH: RequestInit = { mode: "cors", credentials: "same-origin" };

/** The owner's own files (private when kept): from the cache, the studio only when missing. */
const ownImageStrategy = new CacheFirst({
  cacheName: PRIVATE_CACHES.images,
  fetchOptions: IMAGE_FETCH,
  plugins: [keyByStablePath, storeOnlyComplete, watchSession, imageExpiration],
});

/**
 * Any other file (public when kept): the studio first, so a file made private or deleted is
 * never shown again from here once the studio has said so; the copy only while it cannot be
 * reached. `no-cache` makes the browser's HTTP cache ask the studio too (a 304 costs no bytes),
 * rather than answer with a copy that older studio versions allowed it to keep for a year.
 */
const sharedImageStrategy = new NetworkFirst({
  cacheName: PRIVATE_CACHES.images,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  fetchOptions: { ...IMAGE_FETCH, cache: "no-cache" },
  plugins: [
    keyByStablePath,
    storeOnlyComplete,
    watchSession,
    forgetRevoked(PRIVATE_CACHES.images, imageCacheKey),
    imageExpiration,
  ],
});

async function answerImage(options: RouteHandlerCallbackOptions): Promise<Response> {
  const key = imageCacheKey(options.request.url);
  // Collections made available offline are kept (by the pages) in their own, unexpiring cache;
  // they hold only the owner's own images.
  const offline = await caches.open(PRIVATE_CACHES.offline).then((cache) => cache.match(key));
  if (offline) return offline;
  const kept = await caches.open(PRIVATE_CACHES.images).then((cache) => cache.match(key));
  const strategy =
    kept && isOwnersCopy(kept.headers.get("cache-control"))
      ? ownImageStrategy
      : sharedImageStrategy;
  return strategy.handle(options);
}

function dataStrategy(cacheName: string, maxEntries: number, extra: SerwistPlugin[] = []) {
  return new NetworkFirst({
    cacheName,
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    // Next varies pages on its router headers; a plain navigation never sends them.
    matchOptions: { ignoreVary: true },
    plugins: [
      ...extra,
      storeOnlyComplete,
      watchSession,
      forgetRevoked(cacheName),
      expireOnStore({
        maxEntries,
        maxAgeSeconds: DATA_CACHE_MAX_AGE_SECONDS,
        purgeOnQuotaError: true,
      }),
    ],
  });
}

const privateDataStrategy = dataStrategy(PRIVATE_CACHES.api, API_CACHE_MAX_ENTRIES, [
  offlineFallback,
]);
const publicDataStrategy = dataStrategy(PUBLIC_CACHES.static, API_CACHE_MAX_ENTRIES);
const pageStrategy = dataStrategy(PRIVATE_CACHES.pages, PAGE_CACHE_MAX_ENTRIES, [offlineFallback]);
const publicPageStrategy = new NetworkOnly({ plugins: [offlineFallback] });
const staticStrategy = new StaleWhileRevalidate({
  cacheName: PUBLIC_CACHES.static,
  plugins: [
    storeOnlyComplete,
    expireOnStore({ maxEntries: 200, maxAgeSeconds: DATA_CACHE_MAX_AGE_SECONDS }),
  ],
});

function routed(kind: CachedRoute["kind"] | "public-page"): RuntimeCaching["matcher"] {
  return ({ request }) => routeRequest(request, self.location.origin).kind === kind;
}

const runtimeCaching: RuntimeCaching[] = [
  { matcher: routed("image-file"), handler: answerImage },
  { matcher: routed("private-data"), handler: privateDataStrategy },
  { matcher: routed("public-data"), handler: publicDataStrategy },
  { matcher: routed("page"), handler: pageStrategy },
  { matcher: routed("public-page"), handler: publicPageStrategy },
  { matcher: routed("static-asset"), handler: staticStrategy },
];

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching,
});

// ----------------------------------------------------------------- our own requests ----

/** Keeps the first image another app shared, for /generate to pick up, then opens /generate. */
async function receiveSharedImage(request: Request): Promise<Response> {
  const target = new URL("/generate?shared=1", self.location.origin).href;
  try {
    const form = await request.formData();
    const file = form
      .getAll("image")
      .find(
        (entry): entry is File => typeof entry !== "string" && SHARED_IMAGE_TYPES.has(entry.type),
      );
    if (file) {
      const cache = await caches.open(PRIVATE_CACHES.shareTarget);
      await cache.put(
        SHARED_IMAGE_CACHE_KEY,
        new Response(file, {
          headers: {
            "content-type": file.type,
            "content-length": String(file.size),
            // takeSharedImage (lib/offline/shared-image.ts) reads the name back from here.
            "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.name || "shared-image")}`,
          },
        }),
      );
    }
  } catch {
    // An unreadable share still opens the studio, just without the picture.
  }
  return Response.redirect(target, 303);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const route = routeRequest(request, self.location.origin);
  if (route.kind === "share-target") {
    event.respondWith(receiveSharedImage(request));
  } else if (route.kind === "api-network-only") {
    const response = fetch(request);
    event.respondWith(response);
    // The page gets its answer at once; clearing after a 401 finishes in the background.
    event.waitUntil(
      response.then(
        ({ status }) =>
          endsSession(request.url, status, self.location.origin) ? endSession() : undefined,
        () => undefined,
      ),
    );
  }
});

// ------------------------------------------------------------------------- messages ----

/** Stores the HTML of a page the person reached by client-side navigation, once. */
async function cachePage(url: string): Promise<void> {
  const facts = { method: "GET", url, mode: "navigate", headers: new Headers() };
  if (routeRequest(facts, self.location.origin).kind !== "page") return;
  const cache = await caches.open(PRIVATE_CACHES.pages);
  if (await cache.match(url, { ignoreVary: true })) return;
  const response = await fetch(url, {
    credentials: "same-origin",
    redirect: "manual",
    headers: { accept: "text/html" },
  });
  if (isStorableResponse(response)) await cache.put(url, response);
}

self.addEventListener("message", (event) => {
  // Only our own pages talk to the worker.
  if (event.origin && event.origin !== self.location.origin) return;
  const message: unknown = event.data;
  if (!isWorkerMessage(message)) return;
  if (message.type === "clear-private-data") {
    const port = event.ports[0];
    const source = event.source;
    event.waitUntil(
      deletePrivateCaches().then(() => {
        const reply: WorkerMessage = { type: "private-data-cleared" };
        if (port) port.postMessage(reply);
        else source?.postMessage(reply);
      }),
    );
  } else if (message.type === "cache-page") {
    event.waitUntil(cachePage(message.url).catch(() => undefined));
  }
});

// -------------------------------------------------------------------- lifecycle ----

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then(async (names) => {
      const obsolete = obsoleteCacheNames(names);
      await Promise.all(obsolete.map((name) => caches.delete(name)));
      await forgetExpirationEntries(obsolete).catch(() => undefined);
    }),
  );
});

// ------------------------------------------------------------------ background sync ----

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

self.addEventListener("sync", ((event: SyncEvent) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(flushOutbox().then(({ sent }) => broadcast({ type: "outbox-flushed", sent })));
}) as EventListener);

// ------------------------------------------------------------------- notifications ----

/**
 * Web Push (src/server/notifications/push-service.ts): the server sends one only when no page
 * watched the generation finish, so it is always shown (browsers also require a notification
 * for every push). The tag is per generation: a second message for it replaces the first.
 */
self.addEventListener("push", (event) => {
  let data: unknown = null;
  try {
    data = event.data?.json() ?? null;
  } catch {
    data = null;
  }
  const { title, options } = notificationFromPush(data);
  // The server writes the title in the person's language; only a message without one gets ours.
  const titled =
    data !== null &&
    typeof data === "object" &&
    "title" in data &&
    typeof data.title === "string" &&
    data.title.trim() !== "";
  event.waitUntil(
    self.registration.showNotification(titled ? title : WORKER_TEXT.imagesReady, options),
  );
});

/**
 * A "your images are ready" notification (Web Push, or the queued prompts the outbox sent)
 * opens its image: a studio window already there is focused, else another studio window goes
 * there, else a new one opens.
 */
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data: unknown = event.notification.data;
  const path =
    data && typeof data === "object" && "url" in data && typeof data.url === "string"
      ? data.url
      : "/gallery";
  const target = new URL(path, self.location.origin);
  if (target.origin !== self.location.origin) return;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(async (windows) => {
      const there = windows.find((client) => client.url === target.href);
      if (there) {
        await there.focus();
        return;
      }
      const open = windows.find((client) => new URL(client.url).origin === target.origin);
      if (open) {
        await open.focus();
        await open.navigate(target.href).catch(() => undefined);
        return;
      }
      await self.clients.openWindow(target.href);
    }),
  );
});

serwist.addEventListeners();
