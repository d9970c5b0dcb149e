import { describe, expect, it } from "vitest";
import { fileCacheControl } from "@/server/images/image-files";
import {
  endsSession,
  imageCacheKey,
  isOwnersCopy,
  isStorableResponse,
  obsoleteCacheNames,
  revokesKeptCopy,
  routeRequest,
  type RequestFacts,
} from "./cache-rules";
import { PRIVATE_CACHES, PUBLIC_CACHES } from "./offline-contract";

const ORIGIN = "https://studio.example.com";

function request(
  path: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): RequestFacts {
  return new Request(path.startsWith("http") ? path : `${ORIGIN}${path}`, {
    method: init.method ?? "GET",
    headers: init.headers,
  });
}

/** A Request cannot be built with mode "navigate", so navigations are described directly. */
function navigation(path: string, headers: Record<string, string> = {}): RequestFacts {
  return {
    method: "GET",
    url: `${ORIGIN}${path}`,
    mode: "navigate",
    headers: new Headers(headers),
  };
}

const route = (facts: RequestFacts) => routeRequest(facts, ORIGIN);

describe("routeRequest", () => {
  it("keeps image files in the private image cache, served first only when they are the owner's", () => {
    for (const variant of ["150", "300", "800", "1920", "original"]) {
      expect(route(request(`/api/v1/images/0b6a/files/${variant}`))).toMatchObject({
        kind: "image-file",
        strategy: "cache-first-if-owners",
        cacheName: PRIVATE_CACHES.images,
        private: true,
      });
    }
  });

  it("keeps the user's gallery data network-first in the private API cache", () => {
    for (const path of [
      "/api/v1/images",
      "/api/v1/images?limit=60&cursor=abc",
      "/api/v1/images/0b6a",
      "/api/v1/images/0b6a/lineage",
      "/api/v1/gallery/collections",
      "/api/v1/gallery/collections/c1",
      "/api/v1/gallery/collections/c1/images",
      "/api/v1/settings",
    ]) {
      expect(route(request(path)), path).toMatchObject({
        kind: "private-data",
        strategy: "network-first",
        cacheName: PRIVATE_CACHES.api,
        private: true,
      });
    }
  });

  it("keeps templates, which are the same for everyone, in the public cache", () => {
    for (const path of [
      "/api/v1/templates",
      "/api/v1/templates/categories",
      "/api/v1/templates/t1",
    ]) {
      expect(route(request(path)), path).toMatchObject({
        kind: "public-data",
        cacheName: PUBLIC_CACHES.static,
        private: false,
      });
    }
  });

  it("never caches a request that is not GET", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(route(request("/api/v1/images/0b6a", { method })).kind).toBe("api-network-only");
      expect(route(request("/api/v1/settings", { method })).kind).toBe("api-network-only");
    }
    expect(route(request("/gallery", { method: "POST" })).kind).toBe("passthrough");
  });

  it("never caches /api/v1/auth/*, not even a GET", () => {
    for (const path of ["/api/v1/auth/profile", "/api/v1/auth/login", "/api/v1/auth/refresh"]) {
      expect(route(request(path)).kind, path).toBe("api-network-only");
    }
  });

  it("never caches downloads, archives, streams or the public gallery", () => {
    expect(route(request("/api/v1/images/0b6a/download?size=800")).kind).toBe("api-network-only");
    expect(route(request("/api/v1/images/archive", { method: "POST" })).kind).toBe(
      "api-network-only",
    );
    expect(route(request("/api/v1/gallery/public?sort=newest")).kind).toBe("api-network-only");
    expect(
      route(request("/api/v1/images", { headers: { accept: "text/event-stream" } })).kind,
    ).toBe("api-network-only");
    expect(route(request("/api/v1/generation/timings")).kind).toBe("api-network-only");
  });

  it("answers page navigations network-first from the private page cache", () => {
    for (const path of [
      "/gallery",
      "/gallery?q=fox",
      "/images/0b6a",
      "/collections",
      "/generate",
    ]) {
      expect(route(navigation(path)), path).toMatchObject({
        kind: "page",
        strategy: "network-first",
        cacheName: PRIVATE_CACHES.pages,
      });
    }
  });

  it("never keeps other pages, which may show who is signed in", () => {
    for (const path of [
      "/",
      "/explore",
      "/login?next=%2Fgallery",
      "/register",
      "/s/i/abc",
      "/gallery-x",
    ]) {
      expect(route(navigation(path)), path).toEqual({ kind: "public-page" });
    }
  });

  it("leaves RSC payloads, other origins and the worker script to the browser", () => {
    expect(route(request("/gallery?_rsc=1x2", { headers: { rsc: "1" } })).kind).toBe("passthrough");
    expect(route(request("https://cdn.example.net/api/v1/images")).kind).toBe("passthrough");
    expect(route(request("/sw.js")).kind).toBe("passthrough");
    expect(route(request("/swe-worker-5c72bdec6.js")).kind).toBe("passthrough");
    // A plain fetch of a page (not a navigation) is not stored as a page.
    expect(route(request("/gallery")).kind).toBe("passthrough");
  });

  it("keeps build assets and public files in the public static cache", () => {
    for (const path of [
      "/_next/static/chunks/app/page-1a2b.js",
      "/_next/static/css/3c4d.css",
      "/icons/icon-192.png",
      "/templates/watercolor.webp",
      "/manifest.webmanifest",
      "/icon.svg",
    ]) {
      expect(route(request(path)), path).toMatchObject({
        kind: "static-asset",
        cacheName: PUBLIC_CACHES.static,
        private: false,
      });
    }
  });

  it("takes only POSTs to the share target", () => {
    expect(route(request("/share-target", { method: "POST" })).kind).toBe("share-target");
    expect(route(request("/share-target")).kind).toBe("passthrough");
  });
});

describe("imageCacheKey", () => {
  it("keys an image by its stable path, whatever query a page added", () => {
    expect(imageCacheKey(`${ORIGIN}/api/v1/images/0b6a/files/300?v=2`)).toBe(
      `${ORIGIN}/api/v1/images/0b6a/files/300`,
    );
    expect(imageCacheKey(`${ORIGIN}/api/v1/images/0b6a/files/300#x`)).toBe(
      `${ORIGIN}/api/v1/images/0b6a/files/300`,
    );
  });
});

describe("isOwnersCopy", () => {
  it("serves a kept file without asking only when the studio marked it private", () => {
    expect(isOwnersCopy("private, no-cache")).toBe(true);
    expect(isOwnersCopy("Private, max-age=0")).toBe(true);
    expect(isOwnersCopy("public, max-age=0, must-revalidate, s-maxage=60")).toBe(false);
    expect(isOwnersCopy("no-cache")).toBe(false);
    expect(isOwnersCopy("x-private-hint")).toBe(false);
    expect(isOwnersCopy(null)).toBe(false);
  });

  it("reads the studio's own headers the way the file route writes them", () => {
    // Only the owner can fetch a private image's file, so its copy is theirs; a public one may
    // have been made private or deleted since, and this device may have changed hands.
    expect(isOwnersCopy(fileCacheControl({ isPublic: false }))).toBe(true);
    expect(isOwnersCopy(fileCacheControl({ isPublic: true }))).toBe(false);
  });
});

describe("revokesKeptCopy", () => {
  it("drops a kept file once the studio says the viewer may no longer see it", () => {
    for (const status of [401, 403, 404, 410])
      expect(revokesKeptCopy(status), String(status)).toBe(true);
  });

  it("keeps it through success, revalidation, server errors and no network at all", () => {
    for (const status of [0, 200, 304, 429, 500, 502, 503]) {
      expect(revokesKeptCopy(status), String(status)).toBe(false);
    }
  });
});

describe("isStorableResponse", () => {
  it("stores a 200 only, never an opaque response", () => {
    expect(isStorableResponse({ status: 200, type: "basic" })).toBe(true);
    expect(isStorableResponse({ status: 200, type: "default" })).toBe(true);
    for (const status of [201, 204, 206, 301, 304, 401, 404, 500]) {
      expect(isStorableResponse({ status, type: "basic" }), String(status)).toBe(false);
    }
    expect(isStorableResponse({ status: 0, type: "opaque" })).toBe(false);
    expect(isStorableResponse({ status: 0, type: "opaqueredirect" })).toBe(false);
  });
});

describe("endsSession", () => {
  it("treats a 401 from the API as a lost session", () => {
    expect(endsSession(`${ORIGIN}/api/v1/images`, 401, ORIGIN)).toBe(true);
    expect(endsSession(`${ORIGIN}/api/v1/auth/profile`, 401, ORIGIN)).toBe(true);
    expect(endsSession(`${ORIGIN}/api/v1/auth/refresh`, 401, ORIGIN)).toBe(true);
  });

  it("does not treat a wrong password, another status or another origin as one", () => {
    expect(endsSession(`${ORIGIN}/api/v1/auth/login`, 401, ORIGIN)).toBe(false);
    expect(endsSession(`${ORIGIN}/api/v1/auth/register`, 401, ORIGIN)).toBe(false);
    expect(endsSession(`${ORIGIN}/api/v1/images`, 403, ORIGIN)).toBe(false);
    expect(endsSession(`${ORIGIN}/gallery`, 401, ORIGIN)).toBe(false);
    expect(endsSession("https://elsewhere.example/api/v1/images", 401, ORIGIN)).toBe(false);
  });
});

describe("obsoleteCacheNames", () => {
  it("deletes only our own caches that the contract no longer lists", () => {
    const names = [
      ...Object.values(PRIVATE_CACHES),
      ...Object.values(PUBLIC_CACHES),
      "studio-images-v0",
      "studio-images-v1",
      "studio-pages",
      "serwist-precache-v2-https://studio.example.com/",
      "someone-else",
    ];
    expect(obsoleteCacheNames(names)).toEqual([
      "studio-images-v0",
      // Kept by workers that served every file cache-first, public ones included.
      "studio-images-v1",
      "studio-pages",
    ]);
  });
});
