import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { OFFLINE_DB_NAME, PRIVATE_CACHES } from "../../src/lib/pwa/offline-contract";
import { BASE_URL, DESKTOP, PHONE, launchBrowser, newContext } from "./support/browser";
import { AppShell } from "./support/pages";
import {
  makeImage,
  registerPerson,
  waitForServiceWorkerControl,
  type MadeImage,
} from "./support/people";

/*
 * The offline half of the PWA, in a real Chromium against the production build: the service
 * worker, IndexedDB and the Cache API all run for real. These need the service worker; without
 * it the waits for `navigator.serviceWorker.ready` fail the tests.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function countImages(page: Page): Promise<number> {
  const response = await page.request.get("/api/v1/images?limit=100");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: unknown[] }).data.length;
}

const queuedRows = (page: Page) => page.getByTestId("queued-prompt");

/**
 * What the service worker's expiration bookkeeping (Serwist's IndexedDB database
 * "serwist-expiration") remembers of the private caches: one "cache url" per record.
 */
function rememberedPrivateUrls(page: Page): Promise<string[]> {
  return page.evaluate(
    async (privateNames) => {
      const databases = await indexedDB.databases();
      if (!databases.some((database) => database.name === "serwist-expiration")) return [];
      return new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("serwist-expiration");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("cache-entries")) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction("cache-entries").objectStore("cache-entries").getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const entries = all.result as { cacheName: string; url: string }[];
            resolve(
              entries
                .filter((entry) => privateNames.includes(entry.cacheName))
                .map((entry) => `${entry.cacheName} ${entry.url}`),
            );
          };
        };
      });
    },
    Object.values(PRIVATE_CACHES) as string[],
  );
}

describe("offline PWA data", () => {
  it("queues a prompt made offline, keeps it over a reload, and sends it once when back online", async () => {
    const context = await newContext(browser, PHONE);
    const page = await registerPerson(context, { name: "Offline person", label: "offline" });
    await page.getByTestId("prompt-input").waitFor();
    await waitForServiceWorkerControl(page, { reloadIfNeeded: true });
    // Seen online once under the worker, so the page and its data open offline.
    await page.reload();
    await page.getByTestId("prompt-input").waitFor();
    const before = await countImages(page);

    await context.setOffline(true);
    await page.getByTestId("prompt-input").fill("a paper boat on a rainy street, offline");
    await page.getByTestId("generate-submit").click();
    await expect.poll(() => queuedRows(page).count(), { timeout: 15_000 }).toBe(1);
    await expect(queuedRows(page).first().getAttribute("data-status")).resolves.toBe("queued");
    await expect(queuedRows(page).first().textContent()).resolves.toContain("a paper boat");

    await page.reload();
    await page.getByTestId("prompt-input").waitFor({ timeout: 20_000 });
    await expect.poll(() => queuedRows(page).count(), { timeout: 15_000 }).toBe(1);
    await expect(queuedRows(page).first().textContent()).resolves.toContain("a paper boat");

    await context.setOffline(false);
    await page.getByTestId("ready-image").first().waitFor({ timeout: 30_000 });
    await expect.poll(() => queuedRows(page).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => countImages(page), { timeout: 15_000 }).toBe(before + 1);

    // A second flush (another online event, as after a flaky connection) sends nothing more.
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.reload();
    await page.getByTestId("prompt-input").waitFor();
    expect(await countImages(page)).toBe(before + 1);
    const images = (
      (await (await page.request.get("/api/v1/images?limit=100")).json()) as {
        data: MadeImage[];
      }
    ).data;
    expect(images.filter((image) => image.prompt.includes("a paper boat"))).toHaveLength(1);
    await context.close();
  });

  it("leaves no private data on the device after logging out", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Offline person", label: "offline" });
    const image = await makeImage(page, { prompt: "a lantern in the fog" });
    await waitForServiceWorkerControl(page, { reloadIfNeeded: true });

    await page.goto("/gallery");
    await page.getByTestId("gallery-tile").first().waitFor({ timeout: 20_000 });
    await page.goto(`/images/${image.id}`);
    await page.locator("img").first().waitFor();
    // The device did keep things while signed in (so the check below means something).
    await expect
      .poll(
        () =>
          page.evaluate(
            (name) => indexedDB.databases().then((list) => list.some((db) => db.name === name)),
            OFFLINE_DB_NAME,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await expect
      .poll(
        () =>
          page.evaluate(
            async (names) => {
              const keys = await caches.keys();
              return keys.filter((key) => names.includes(key)).length;
            },
            Object.values(PRIVATE_CACHES) as string[],
          ),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await rememberedPrivateUrls(page)).join("\n"), { timeout: 15_000 })
      .toContain(`/api/v1/images/${image.id}`);

    await new AppShell(page).logOut();
    const leftovers = await page.evaluate(
      async ({ names, dbName }) => {
        const filled: string[] = [];
        for (const name of await caches.keys()) {
          if (!names.includes(name)) continue;
          const cache = await caches.open(name);
          for (const request of await cache.keys()) filled.push(`${name} ${request.url}`);
        }
        const databases = (await indexedDB.databases()).map((db) => db.name);
        return { filled, hasDb: databases.includes(dbName) };
      },
      { names: Object.values(PRIVATE_CACHES) as string[], dbName: OFFLINE_DB_NAME },
    );
    expect(leftovers).toEqual({ filled: [], hasDb: false });
    // Nor the worker's record of which private URLs it kept, and when.
    expect(await rememberedPrivateUrls(page)).toEqual([]);
    await context.close();
  });

  it("shows the gallery from the device when the studio can't be reached, and opens an image", async () => {
    const context = await newContext(browser, PHONE);
    const page = await registerPerson(context, { name: "Offline person", label: "offline" });
    const kite = await makeImage(page, { prompt: "a kite over dunes" });
    await makeImage(page, { prompt: "a teal door" });
    await makeImage(page, { prompt: "a lantern in the fog" });
    await waitForServiceWorkerControl(page, { reloadIfNeeded: true });
    await page.goto("/gallery");
    await expect.poll(() => page.getByTestId("gallery-tile").count(), { timeout: 20_000 }).toBe(3);
    // The page kept what it received on the device.
    await expect
      .poll(
        () =>
          page.evaluate(
            (name) =>
              new Promise<number>((resolve) => {
                const open = indexedDB.open(name);
                open.onsuccess = () => {
                  const db = open.result;
                  const count = db.transaction("images").objectStore("images").count();
                  count.onsuccess = () => {
                    resolve(count.result);
                    db.close();
                  };
                };
              }),
            OFFLINE_DB_NAME,
          ),
        { timeout: 15_000 },
      )
      .toBe(3);

    await context.setOffline(true);
    // A search never made online: no cached answer anywhere but the device's own copy.
    await page.getByTestId("gallery-search").locator("input").first().fill("kite");
    await page.getByTestId("gallery-offline").waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId("gallery-tile").count(), { timeout: 15_000 }).toBe(1);
    await page.locator(`[data-testid="gallery-tile"][data-image-id="${kite.id}"]`).click();
    const lightbox = page.getByTestId("image-lightbox");
    await lightbox.waitFor({ timeout: 15_000 });
    await expect(lightbox.textContent()).resolves.toContain("a kite over dunes");
    await context.close();
  });

  it("opens a collection made available offline without a connection", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Offline person", label: "offline" });
    const images = [
      await makeImage(page, { prompt: "a kite over dunes" }),
      await makeImage(page, { prompt: "a teal door" }),
    ];
    const created = await page.request.post("/api/v1/gallery/collections", {
      data: { name: "For the train" },
      headers: { origin: BASE_URL },
    });
    expect(created.status()).toBe(201);
    const collection = ((await created.json()) as { data: { id: string } }).data;
    for (const image of images) {
      const added = await page.request.post(`/api/v1/gallery/collections/${collection.id}/images`, {
        data: { imageId: image.id },
        headers: { origin: BASE_URL },
      });
      expect(added.ok()).toBe(true);
    }

    await page.goto(`/collections/${collection.id}`);
    await waitForServiceWorkerControl(page, { reloadIfNeeded: true });
    await page.getByTestId("offline-collection-save").click();
    await page.getByTestId("offline-collection-remove").waitFor({ timeout: 30_000 });
    await expect(page.getByTestId("offline-collection-summary").textContent()).resolves.toContain(
      "Available offline: 2 images",
    );

    await context.setOffline(true);
    await page.reload();
    await expect
      .poll(() => page.getByTestId("collection-image").count(), { timeout: 20_000 })
      .toBe(2);
    // Every thumbnail really drew from the device's copy.
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            Array.from(
              document.querySelectorAll<HTMLImageElement>('[data-testid="collection-image"] img'),
            ).every((img) => img.complete && img.naturalWidth > 0),
          ),
        { timeout: 20_000 },
      )
      .toBe(true);

    const keptEntries = () =>
      page.evaluate(async (name) => {
        const cache = await caches.open(name);
        return (await cache.keys()).length;
      }, PRIVATE_CACHES.offline);

    // Settings lists what the device keeps, and removes it.
    await context.setOffline(false);
    await page.goto("/settings#offline");
    const row = page.getByTestId("offline-collection-row");
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/For the train\s*2 images · [\d.]+ (kB|MB)/);
    await row.getByTestId("offline-collection-row-remove").click();
    await page.getByTestId("offline-empty").waitFor();
    expect(await keptEntries()).toBe(0);

    // Saved again, the collection page's own button undoes it too.
    await page.goto(`/collections/${collection.id}`);
    await page.getByTestId("offline-collection-save").click();
    await page.getByTestId("offline-collection-remove").waitFor({ timeout: 30_000 });
    expect(await keptEntries()).toBeGreaterThan(0);
    await page.getByTestId("offline-collection-remove").click();
    await page.getByTestId("offline-collection-save").waitFor();
    expect(await keptEntries()).toBe(0);
    await context.close();
  });
});
