import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { PRIVATE_CACHES } from "../../src/lib/pwa/offline-contract";
import { DESKTOP, launchBrowser, newContext } from "./support/browser";
import { makeImage, registerPerson, waitForServiceWorkerControl } from "./support/people";

/*
 * The offline gallery's reload, against the production build's service worker: what the worker
 * does while it answers from its caches.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PLANTED = "/api/v1/images/planted-long-ago/files/300";

/**
 * A thumbnail copy the expiration records say was stored at the epoch, far past the image
 * cache's maximum age: Serwist's expiration would delete it the next time it runs.
 */
function plantExpiredCopy(page: Page): Promise<void> {
  return page.evaluate(
    async ({ cacheName, path }) => {
      const url = new URL(path, location.origin).href;
      const cache = await caches.open(cacheName);
      await cache.put(url, new Response("planted", { headers: { "content-type": "image/webp" } }));
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("serwist-expiration");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction("cache-entries", "readwrite");
          transaction
            .objectStore("cache-entries")
            .put({ id: `${cacheName}|${url}`, cacheName, url, timestamp: 1 });
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      });
    },
    { cacheName: PRIVATE_CACHES.images, path: PLANTED },
  );
}

function plantedCopyKept(page: Page): Promise<boolean> {
  return page.evaluate(
    async ({ cacheName, path }) =>
      (await (await caches.open(cacheName)).match(new URL(path, location.origin).href)) !==
      undefined,
    { cacheName: PRIVATE_CACHES.images, path: PLANTED },
  );
}

function paintedImageIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="gallery-tile"]').evaluateAll((tiles) =>
    tiles
      .filter((tile) => {
        const image = tile.querySelector("img");
        return image !== null && image.complete && image.naturalWidth > 0;
      })
      .map((tile) => tile.getAttribute("data-image-id") ?? ""),
  );
}

describe("the offline gallery's reload", () => {
  it("answers from the caches without running the caches' expiration on every copy it reads", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Offline Reader", label: "offline-paint" });
    const made = [
      await makeImage(page, { prompt: "a tide pool" }),
      await makeImage(page, { prompt: "a sea urchin" }),
      await makeImage(page, { prompt: "a hermit crab" }),
    ];
    const ids = made.map((image) => image.id).sort();
    await page.goto("/gallery");
    await waitForServiceWorkerControl(page, { reloadIfNeeded: true });
    // Seen online under the worker: the page, its scripts and the thumbnails are kept.
    await page.reload();
    await expect
      .poll(async () => (await paintedImageIds(page)).sort(), { timeout: 20_000 })
      .toEqual(ids);
    // The first visit's copies were stored in the background; let that finish first.
    await page.waitForTimeout(1_000);
    await plantExpiredCopy(page);

    await context.setOffline(true);
    await page.reload();
    await expect
      .poll(async () => (await paintedImageIds(page)).sort(), { timeout: 20_000 })
      .toEqual(ids);
    // Reading copies (the page, its scripts, three thumbnails) leaves the bookkeeping alone:
    // Serwist's read hook would have walked the records and deleted the planted copy by now.
    await page.waitForTimeout(1_500);
    expect(await plantedCopyKept(page)).toBe(true);
    await context.setOffline(false);
    await context.close();
  });
});
