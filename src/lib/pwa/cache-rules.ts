/**
 * Isomorphic and pure: which request the service worker (src/app/sw.ts) answers how, and from
 * which cache. The worker only wires these answers to Serwist strategies, so every rule here is
 * unit-tested without a browser (cache-rules.test.ts).
 *
 * Invariants the rules keep:
 * - only GET is ever cached; /api/v1/auth/* never is;
 * - only a 200 that is not opaque is stored (see isStorableResponse);
 * - everything that belongs to one signed-in user goes to a PRIVATE_CACHES cache, which logout
 *   and an ended session delete as a whole.
 */
import { PRIVATE_CACHES, PUBLIC_CACHES, SHARE_TARGET_ACTION } from "./offline-contract";

/** How long a network-first request waits for the network before answering from the cache. */
export const NETWORK_TIMEOUT_SECONDS = 3;

/** Bounds of the runtime image cache (thumbnails and originals as they are seen). */
export const IMAGE_CACHE_MAX_ENTRIES = 2_000;
export const IMAGE_CACHE_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

/** Bounds of the JSON and page caches: enough for the pages a person walks through. */
export const API_CACHE_MAX_ENTRIES = 300;
export const PAGE_CACHE_MAX_ENTRIES = 60;
export const DATA_CACHE_MAX_AGE_SECONDS = 60 * 60 * 24 * 14;

export type CachedRoute =
  /** /api/v1/images/:id/files/:variant: the bytes behind a URL never change, but who may see
   *  them does. A copy the studio marked private is the owner's and is served first; any other
   *  is checked with the studio first (see isOwnersCopy). */
  | {
      kind: "image-file";
      strategy: "cache-first-if-owners";
      cacheName: typeof PRIVATE_CACHES.images;
      private: true;
    }
  /** The signed-in user's JSON: images, collections, settings. */
  | {
      kind: "private-data";
      strategy: "network-first";
      cacheName: typeof PRIVATE_CACHES.api;
      private: true;
    }
  /** JSON that is the same for everyone (style templates). */
  | {
      kind: "public-data";
      strategy: "network-first";
      cacheName: typeof PUBLIC_CACHES.static;
      private: false;
    }
  /** A signed-in page (see APP_PAGES): network first, then the page as last seen, then the
   *  offline page. */
  | {
      kind: "page";
      strategy: "network-first";
      cacheName: typeof PRIVATE_CACHES.pages;
      private: true;
    }
  /** Build assets and public files (icons, template previews, the manifest). */
  | {
      kind: "static-asset";
      strategy: "stale-while-revalidate";
      cacheName: typeof PUBLIC_CACHES.static;
      private: false;
    };

export type RequestRoute =
  | CachedRoute
  /** Any other page (landing, explore, shares, login): network only, else the offline page.
   *  Not kept: it may show who is signed in, and it is no use in the offline studio. */
  | { kind: "public-page" }
  /** POST /share-target from the OS share sheet: the worker keeps the file and redirects. */
  | { kind: "share-target" }
  /** Any other same-origin /api/v1 request: straight to the network, never stored, but its
   *  status is watched so that a 401 ends the offline session (see endsSession). */
  | { kind: "api-network-only" }
  /** Left to the browser: cross-origin, RSC payloads, the worker script, non-GET pages. */
  | { kind: "passthrough" };

/** What the rules need to know about a request (a Request satisfies it). */
export interface RequestFacts {
  method: string;
  url: string;
  mode: string;
  headers: { get(name: string): string | null };
}

/** The signed-in pages; keep in step with APP_PAGES in src/middleware.ts. */
export const APP_PAGES = ["/generate", "/gallery", "/images", "/collections", "/settings"];

function isAppPage(pathname: string): boolean {
  return APP_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

const IMAGE_FILE = /^\/api\/v1\/images\/[^/]+\/files\/[^/]+$/;
// The list, one image, and its lineage — not /download (an attachment that counts a download).
const IMAGE_DATA = /^\/api\/v1\/images(?:\/(?!archive$|bulk$|generate$)[^/]+(?:\/lineage)?)?$/;
const COLLECTION_DATA = /^\/api\/v1\/gallery\/collections(?:\/.*)?$/;
const SETTINGS_DATA = /^\/api\/v1\/settings$/;
const TEMPLATE_DATA = /^\/api\/v1\/templates(?:\/.*)?$/;
const PUBLIC_FILE =
  /^\/(?:icons|screenshots|templates)\/[^/]+$|^\/(?:icon\.svg|favicon\.ico|manifest\.webmanifest)$/;
const WORKER_SCRIPT = /^\/(?:sw\.js|swe-worker-[^/]*\.js)$/;

const IMAGE_FILE_ROUTE: CachedRoute = {
  kind: "image-file",
  strategy: "cache-first-if-owners",
  cacheName: PRIVATE_CACHES.images,
  private: true,
};
const PRIVATE_DATA_ROUTE: CachedRoute = {
  kind: "private-data",
  strategy: "network-first",
  cacheName: PRIVATE_CACHES.api,
  private: true,
};
const PUBLIC_DATA_ROUTE: CachedRoute = {
  kind: "public-data",
  strategy: "network-first",
  cacheName: PUBLIC_CACHES.static,
  private: false,
};
const PAGE_ROUTE: CachedRoute = {
  kind: "page",
  strategy: "network-first",
  cacheName: PRIVATE_CACHES.pages,
  private: true,
};
const STATIC_ROUTE: CachedRoute = {
  kind: "static-asset",
  strategy: "stale-while-revalidate",
  cacheName: PUBLIC_CACHES.static,
  private: false,
};

export function routeRequest(request: RequestFacts, origin: string): RequestRoute {
  const url = new URL(request.url);
  if (url.origin !== origin) return { kind: "passthrough" };
  const { pathname } = url;
  const method = request.method.toUpperCase();

  if (pathname === SHARE_TARGET_ACTION) {
    return method === "POST" ? { kind: "share-target" } : { kind: "passthrough" };
  }
  if (pathname.startsWith("/api/v1/")) {
    if (method !== "GET" || pathname.startsWith("/api/v1/auth/")) {
      return { kind: "api-network-only" };
    }
    // A live stream (generation progress) is never a thing to replay.
    if (request.headers.get("accept")?.includes("text/event-stream")) {
      return { kind: "api-network-only" };
    }
    if (IMAGE_FILE.test(pathname)) return IMAGE_FILE_ROUTE;
    if (IMAGE_DATA.test(pathname) || COLLECTION_DATA.test(pathname) || SETTINGS_DATA.test(pathname))
      return PRIVATE_DATA_ROUTE;
    if (TEMPLATE_DATA.test(pathname)) return PUBLIC_DATA_ROUTE;
    return { kind: "api-network-only" };
  }
  if (method !== "GET") return { kind: "passthrough" };
  if (WORKER_SCRIPT.test(pathname)) return { kind: "passthrough" };
  if (pathname.startsWith("/_next/static/") || PUBLIC_FILE.test(pathname)) return STATIC_ROUTE;
  // Next's client router fetches RSC payloads; offline it falls back to a full navigation,
  // which the page route below answers, so they are not worth a copy of every page.
  if (request.headers.get("rsc") !== null) return { kind: "passthrough" };
  if (request.mode === "navigate" && !pathname.startsWith("/api/")) {
    return isAppPage(pathname) ? PAGE_ROUTE : { kind: "public-page" };
  }
  return { kind: "passthrough" };
}

/** The cache key of an image file: its path, whatever query a page may have added. */
export function imageCacheKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/**
 * Whether a kept image file may be shown without asking the studio first. Only when the studio
 * marked it `private` (fileCacheControl in src/server/images/image-files.ts), which it does for
 * a private image, whose file nobody but its owner can fetch: the copy is the owner's, and it
 * goes with the other private caches at logout. A public file may have been made private or
 * deleted since it was kept, and the next person to use this device may not be its owner, so
 * the studio is asked first; the copy answers only when the studio cannot be reached.
 */
export function isOwnersCopy(cacheControl: string | null): boolean {
  return (cacheControl ?? "")
    .split(",")
    .some((directive) => directive.trim().toLowerCase() === "private");
}

/**
 * Answers meaning the viewer may no longer see what the URL names (made private, deleted, the
 * session gone): a kept copy must go. Not a server error or a failed fetch: offline, the copy
 * is all the owner has.
 */
export function revokesKeptCopy(status: number): boolean {
  return status === 401 || status === 403 || status === 404 || status === 410;
}

/** Only a complete, readable 200 is stored: no errors, redirects, partial or opaque bodies. */
export function isStorableResponse(response: { status: number; type: string }): boolean {
  return (
    response.status === 200 && response.type !== "opaque" && response.type !== "opaqueredirect"
  );
}

/** Signing in or registering with a wrong password is a 401 too, but not a lost session. */
const CREDENTIAL_ENDPOINTS = new Set(["/api/v1/auth/login", "/api/v1/auth/register"]);

/** Whether a network response means the session is gone (so private caches must go too). */
export function endsSession(url: string, status: number, origin: string): boolean {
  if (status !== 401) return false;
  const parsed = new URL(url);
  return (
    parsed.origin === origin &&
    parsed.pathname.startsWith("/api/v1/") &&
    !CREDENTIAL_ENDPOINTS.has(parsed.pathname)
  );
}

export const PRIVATE_CACHE_NAMES: readonly string[] = Object.values(PRIVATE_CACHES);
const KNOWN_CACHE_NAMES = new Set<string>([
  ...Object.values(PRIVATE_CACHES),
  ...Object.values(PUBLIC_CACHES),
]);

/** Caches of ours ("studio-…") that the contract no longer lists: left by an older worker. */
export function obsoleteCacheNames(names: readonly string[]): string[] {
  return names.filter((name) => name.startsWith("studio-") && !KNOWN_CACHE_NAMES.has(name));
}
