import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DIST_DIR, WORKER_BUILD_PATH } from "../../scripts/production-build";
import { PRIVATE_CACHES, SHARED_IMAGE_CACHE_KEY } from "../../src/lib/pwa/offline-contract";
import { BASE_URL, DESKTOP, PHONE, launchBrowser, newContext } from "./support/browser";
import { waitForPath } from "./support/pages";
import { registerPerson, waitForServiceWorkerControl } from "./support/people";

/*
 * The installable half of the PWA, in Chromium against the production build: the manifest and
 * its icons, the service worker taking control, the gallery opening with no network, the
 * offline page, and an update offered and applied without losing typed text.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

interface Manifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: ManifestIcon[];
  shortcuts: { name: string; url: string; icons: ManifestIcon[] }[];
  screenshots: (ManifestIcon & { form_factor?: string })[];
  share_target: {
    action: string;
    method: string;
    enctype: string;
    params: { title: string; text: string; files: { name: string; accept: string[] }[] };
  };
}

/** Every gallery thumbnail on the page has been decoded (the bytes arrived from somewhere). */
async function thumbnailsPainted(page: Page): Promise<number> {
  return page.$$eval('[data-testid="gallery-tile"] img', (images) =>
    images.every((image) => (image as HTMLImageElement).complete)
      ? images.filter((image) => (image as HTMLImageElement).naturalWidth > 0).length
      : -1,
  );
}

describe("installing the studio", () => {
  it("serves a complete manifest whose icons and screenshots are what it says", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto("/");

    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(manifestHref).toBe("/manifest.webmanifest");
    const themeColors = await page.$$eval('meta[name="theme-color"]', (metas) =>
      metas.map((meta) => meta.getAttribute("media")),
    );
    expect(themeColors).toEqual(["(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]);
    await expect(page.locator('link[rel="icon"]').getAttribute("href")).resolves.toBe("/icon.svg");
    const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    expect(appleIcon).toBe("/icons/apple-touch-icon.png");

    const response = await page.request.get(manifestHref!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/manifest+json");
    const manifest = (await response.json()) as Manifest;
    expect(manifest).toMatchObject({
      name: "AI Image Studio",
      short_name: "Image Studio",
      start_url: "/generate",
      scope: "/",
      id: "/",
      display: "standalone",
    });
    expect(manifest.description.length).toBeGreaterThan(20);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

    const sizesOf = (icons: ManifestIcon[], purpose: string) =>
      icons.filter((icon) => (icon.purpose ?? "any") === purpose).map((icon) => icon.sizes);
    expect(sizesOf(manifest.icons, "any")).toEqual(["192x192", "512x512"]);
    expect(sizesOf(manifest.icons, "maskable")).toEqual(["512x512"]);

    expect(manifest.shortcuts.map((shortcut) => shortcut.url)).toEqual(["/generate", "/gallery"]);
    expect(manifest.screenshots.map((shot) => shot.form_factor)).toEqual(["narrow", "wide"]);
    expect(manifest.share_target).toEqual({
      action: "/share-target",
      method: "POST",
      enctype: "multipart/form-data",
      params: {
        title: "title",
        text: "text",
        files: [{ name: "image", accept: ["image/png", "image/jpeg", "image/webp"] }],
      },
    });

    // Every image the manifest names is served, with the type and pixel size it claims.
    const images: (ManifestIcon & { maxBytes?: number })[] = [
      ...manifest.icons,
      ...manifest.shortcuts.flatMap((shortcut) => shortcut.icons),
      ...manifest.screenshots.map((shot) => ({ ...shot, maxBytes: 150 * 1024 })),
      { src: appleIcon!, sizes: "180x180", type: "image/png" },
    ];
    for (const image of images) {
      const file = await page.request.get(image.src);
      expect(file.status(), image.src).toBe(200);
      expect(file.headers()["content-type"], image.src).toBe(image.type);
      const body = await file.body();
      const { width, height, format } = await sharp(body).metadata();
      expect(`${width}x${height}`, image.src).toBe(image.sizes);
      expect(`image/${format}`, image.src).toBe(image.type);
      if (image.maxBytes) expect(body.byteLength, image.src).toBeLessThan(image.maxBytes);
    }
    const maskable = await sharp(
      await (await page.request.get("/icons/icon-maskable-512.png")).body(),
    )
      .stats()
      .then((stats) => stats.isOpaque);
    expect(maskable, "a maskable icon fills its square").toBe(true);
    await context.close();
  });

  it("serves the worker script fresh and lets it take control of the page", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    const script = await page.request.get("/sw.js");
    expect(script.status()).toBe(200);
    expect(script.headers()["cache-control"]).toBe("no-cache");
    expect(script.headers()["service-worker-allowed"]).toBe("/");
    expect(script.headers()["content-type"]).toContain("javascript");

    await page.goto("/");
    await waitForServiceWorkerControl(page);
    const scope = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        scope: registration?.scope,
        script: navigator.serviceWorker.controller?.scriptURL,
      };
    });
    expect(scope).toEqual({ scope: `${BASE_URL}/`, script: `${BASE_URL}/sw.js` });
    await context.close();
  });
});

/**
 * The URLs a built worker precaches: the manifest Serwist injected into the script, entries
 * `{'revision': …, 'url': '…'}` (not any other `url:` in the worker's own code).
 */
function precacheUrlsOf(script: string): string[] {
  const entries = script.matchAll(
    /["']revision["']\s*:\s*(?:null|["'][^"']*["'])\s*,\s*["']url["']\s*:\s*["']([^"']+)["']/g,
  );
  const urls = [...entries].map((match) => match[1]!);
  return [...new Set(urls)];
}

describe("the worker this build serves", () => {
  it("precaches only files this build serves, so it installs and activates", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    const script = await (await page.request.get("/sw.js")).text();
    const urls = precacheUrlsOf(script);
    // The app shell: this build's chunks, the offline page, icons and template previews.
    expect(urls.some((url) => url.startsWith("/_next/static/"))).toBe(true);
    expect(urls).toContain("/~offline");
    expect(urls.some((url) => url.startsWith("/icons/"))).toBe(true);
    // One missing entry fails the worker's install: it would never take over, and offline
    // would be gone (as when another build's worker was served).
    const missing: string[] = [];
    for (const url of urls) {
      const response = await page.request.get(url);
      if (response.status() !== 200) missing.push(`${response.status()} ${url}`);
    }
    expect(missing).toEqual([]);

    await page.goto("/");
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (worker && worker.state !== "activated") {
        await new Promise<void>((resolve) =>
          worker.addEventListener("statechange", () => {
            if (worker.state === "activated") resolve();
          }),
        );
      }
      return worker?.state;
    });
    expect(state).toBe("activated");
    await context.close();
  });
});

/*
 * Headless Chromium never fires `beforeinstallprompt` (its install criteria include user
 * engagement), so these tests dispatch one with the same shape: `prompt()` and `userChoice`.
 */
async function offerBrowserInstall(page: Page, outcome: "accepted" | "dismissed") {
  await page.evaluate((choice) => {
    const event = new Event("beforeinstallprompt", { cancelable: true }) as Event & {
      prompt: () => Promise<void>;
      userChoice: Promise<{ outcome: string; platform: string }>;
    };
    event.prompt = async () => {
      document.documentElement.dataset.installPrompted = "yes";
    };
    event.userChoice = Promise.resolve({ outcome: choice, platform: "web" });
    window.dispatchEvent(event);
  }, outcome);
}

interface InstallMemory {
  visits: number;
  lastVisitAt: number | null;
  generated: boolean;
  dismissedAt: number | null;
  installed: boolean;
}

const installMemory = (page: Page) =>
  page.evaluate(
    () => JSON.parse(localStorage.getItem("studio:install-prompt") ?? "null") as unknown,
  ) as Promise<InstallMemory | null>;

/** A person who last opened the studio an hour ago: this load is their second visit. */
async function comeBackLater(page: Page) {
  await page.evaluate(() => {
    const memory = JSON.parse(localStorage.getItem("studio:install-prompt") ?? "{}") as Record<
      string,
      unknown
    >;
    localStorage.setItem(
      "studio:install-prompt",
      JSON.stringify({ ...memory, visits: 1, lastVisitAt: Date.now() - 60 * 60 * 1000 }),
    );
  });
  await page.reload();
}

/** Two frames and a task: long enough for React to render what an event changed. */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve))),
      ),
  );

describe("offering installation", () => {
  it("waits for a good moment, then installs through the browser's prompt", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Installer", label: "pwa" });
    await expect.poll(() => installMemory(page), { timeout: 10_000 }).toMatchObject({ visits: 1 });

    // First visit, nothing made yet: the browser's offer is kept, not shown.
    await offerBrowserInstall(page, "accepted");
    await settle(page);
    expect(await page.getByTestId("install-prompt").count()).toBe(0);

    // The first stored image is the moment (the generate page announces it).
    await page.evaluate(() => window.dispatchEvent(new Event("studio:generation-succeeded")));
    const offer = page.getByRole("region", { name: "Install AI Image Studio" });
    await offer.waitFor({ timeout: 10_000 });
    await offer.getByRole("button", { name: "Install", exact: true }).click();
    await offer.waitFor({ state: "detached", timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.installPrompted)).toBe("yes");
    await expect(installMemory(page)).resolves.toMatchObject({ installed: true, generated: true });

    // Installed: never offered again.
    await comeBackLater(page);
    await offerBrowserInstall(page, "accepted");
    await settle(page);
    expect(await page.getByTestId("install-prompt").count()).toBe(0);
    await context.close();
  });

  it("offers it on a second visit, and 'Not now' (or Escape) is remembered", async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto("/explore");
    await expect.poll(() => installMemory(page), { timeout: 10_000 }).toMatchObject({ visits: 1 });
    await comeBackLater(page);
    await expect.poll(() => installMemory(page), { timeout: 10_000 }).toMatchObject({ visits: 2 });
    await offerBrowserInstall(page, "dismissed");
    const offer = page.getByTestId("install-prompt");
    await offer.waitFor({ timeout: 10_000 });

    // Keyboard: the offer never takes focus by itself; Tab reaches it, Escape puts it away.
    expect(
      await page.evaluate(
        () => document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid") ?? null,
      ),
    ).not.toBe("install-prompt");
    await offer.getByRole("button", { name: "Install", exact: true }).focus();
    await page.keyboard.press("Escape");
    await offer.waitFor({ state: "detached", timeout: 10_000 });
    const remembered = await installMemory(page);
    expect(remembered?.dismissedAt).toEqual(expect.any(Number));

    await comeBackLater(page);
    await offerBrowserInstall(page, "dismissed");
    await settle(page);
    expect(await page.getByTestId("install-prompt").count()).toBe(0);
    await context.close();
  });

  it("explains Share → Add to Home Screen on Safari for iPhone", async () => {
    const context = await browser.newContext({
      baseURL: BASE_URL,
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    });
    const page = await context.newPage();
    await page.goto("/explore");
    await expect.poll(() => installMemory(page), { timeout: 10_000 }).toMatchObject({ visits: 1 });
    expect(await page.getByTestId("install-prompt").count()).toBe(0);
    await comeBackLater(page);
    const offer = page.getByRole("region", { name: "Add Image Studio to your Home Screen" });
    await offer.waitFor({ timeout: 10_000 });
    const steps = await offer.getByRole("listitem").allTextContents();
    expect(steps.map((step) => step.replace(/\s+/g, " "))).toEqual([
      "1Tap Share in Safari's toolbar.",
      "2Choose Add to Home Screen.",
    ]);
    await offer.getByRole("button", { name: "Got it" }).click();
    await offer.waitFor({ state: "detached", timeout: 10_000 });
    await context.close();
  });
});

describe("the studio without a network", () => {
  it("reopens the gallery with its thumbnails, and shows the offline page for an unvisited route", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Installer", label: "pwa" });
    const prompts = ["a red fox in fresh snow", "a lighthouse at dusk", "a bowl of ramen"];
    for (const prompt of prompts) {
      const response = await page.request.post("/api/v1/images/generate", {
        data: { prompt },
        headers: { origin: BASE_URL },
      });
      expect(response.status()).toBe(201);
    }
    await waitForServiceWorkerControl(page);

    // Browsed once online under the worker: the page, its data and thumbnails are kept.
    await page.goto("/gallery");
    await expect
      .poll(() => page.getByTestId("gallery-tile").count(), { timeout: 20_000 })
      .toBe(prompts.length);
    await expect.poll(() => thumbnailsPainted(page), { timeout: 20_000 }).toBe(prompts.length);
    await expect
      .poll(
        () =>
          page.evaluate(
            async (name) => (await (await caches.open(name)).keys()).length,
            PRIVATE_CACHES.images,
          ),
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(prompts.length);

    await context.setOffline(true);
    try {
      await page.reload();
      await expect
        .poll(() => page.getByTestId("gallery-tile").count(), { timeout: 20_000 })
        .toBe(prompts.length);
      await expect.poll(() => thumbnailsPainted(page), { timeout: 20_000 }).toBe(prompts.length);

      // Never opened while online: the precached offline page answers instead.
      await page.goto("/settings");
      await page.getByTestId("offline-page").waitFor({ timeout: 20_000 });
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "You're offline",
      );
      await expect(
        page.getByTestId("offline-connection").getAttribute("data-online"),
      ).resolves.toBe("false");
      // Its way out leads back to the gallery, which opens from the device.
      await page.getByRole("link", { name: "Open my gallery" }).click();
      await waitForPath(page, "/gallery");
      await expect
        .poll(() => page.getByTestId("gallery-tile").count(), { timeout: 20_000 })
        .toBe(prompts.length);
    } finally {
      await context.setOffline(false);
    }
    await context.close();
  });
  it("keeps a page reached by client-side navigation, so it too reopens offline", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Installer", label: "pwa" });
    await waitForServiceWorkerControl(page);
    // The sidebar link navigates inside the app: no document request reaches the worker.
    await page.getByRole("link", { name: "My gallery" }).first().click();
    await waitForPath(page, "/gallery");
    const galleryUrl = `${BASE_URL}/gallery`;
    await expect
      .poll(
        () =>
          page.evaluate(
            async ({ name, url }) => (await (await caches.open(name)).match(url)) !== undefined,
            { name: PRIVATE_CACHES.pages, url: galleryUrl },
          ),
        { timeout: 15_000 },
      )
      .toBe(true);

    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByTestId("page-gallery").waitFor({ timeout: 20_000 });
      expect(await page.getByTestId("offline-page").count()).toBe(0);
    } finally {
      await context.setOffline(false);
    }
    await context.close();
  });
});

describe("what the worker does for the pages", () => {
  it("takes an image shared from another app and hands it to /generate", async () => {
    const context = await newContext(browser, PHONE);
    const page = await registerPerson(context, { name: "Installer", label: "pwa" });
    await waitForServiceWorkerControl(page);
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: "#6234e8" },
    })
      .png()
      .toBuffer();

    // The OS share sheet submits the manifest's share_target as a multipart POST navigation.
    await page.evaluate(() => {
      const form = document.createElement("form");
      form.method = "post";
      form.enctype = "multipart/form-data";
      form.action = "/share-target";
      form.innerHTML =
        '<input type="hidden" name="title" value="From the camera">' +
        '<input type="hidden" name="text" value="a photo">' +
        '<input type="file" name="image" id="shared-file">';
      form.id = "share-sheet";
      document.body.append(form);
    });
    await page.locator("#shared-file").setInputFiles({
      name: "holiday.png",
      mimeType: "image/png",
      buffer: png,
    });
    await page.evaluate(() => (document.getElementById("share-sheet") as HTMLFormElement).submit());
    await waitForPath(page, "/generate");
    await page.getByTestId("input-image-preview").waitFor({ timeout: 20_000 });
    // Used once: the shared file has left its cache, and the address no longer asks for it.
    await expect
      .poll(
        () =>
          page.evaluate(
            async ({ name, key }) => (await (await caches.open(name)).match(key)) === undefined,
            { name: PRIVATE_CACHES.shareTarget, key: SHARED_IMAGE_CACHE_KEY },
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(new URL(page.url()).search).toBe("");
    await context.close();
  });

  it("drops the private caches and tells the pages when the session has ended", async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await registerPerson(context, { name: "Installer", label: "pwa" });
    const made = await page.request.post("/api/v1/images/generate", {
      data: { prompt: "a kite over the dunes" },
      headers: { origin: BASE_URL },
    });
    expect(made.status()).toBe(201);
    await waitForServiceWorkerControl(page);
    await page.goto("/gallery");
    await expect.poll(() => thumbnailsPainted(page), { timeout: 20_000 }).toBe(1);
    const privateCaches = () =>
      page.evaluate(async (names) => {
        const present = await caches.keys();
        return names.filter((name) => present.includes(name));
      }, Object.values(PRIVATE_CACHES));
    await expect.poll(privateCaches, { timeout: 10_000 }).toContain(PRIVATE_CACHES.images);

    // The session goes away behind the page's back (expired, revoked on another device).
    await context.clearCookies();
    const status = await page.evaluate(async () => (await fetch("/api/v1/settings")).status);
    expect(status).toBe(401);
    // The worker deletes what it kept and tells every page, which then signs the person out.
    await expect.poll(privateCaches, { timeout: 10_000 }).toEqual([]);
    await waitForPath(page, "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/gallery");
    await context.close();
  });
});

describe("updating the studio", () => {
  // The worker script of the build under test, which the server reads from disk per request.
  const workerFile = join(process.cwd(), DIST_DIR, WORKER_BUILD_PATH);

  it("offers a new version, applies it on request, and keeps the text being typed", async () => {
    const context = await newContext(browser, PHONE);
    const page = await registerPerson(context, { name: "Installer", label: "pwa" });
    await waitForServiceWorkerControl(page);
    const typed = "a glass greenhouse in the snow, warm light inside, dusk";
    await page.getByTestId("prompt-input").fill(typed);
    await expect(page.getByTestId("update-notice").count()).resolves.toBe(0);

    // A deploy: the server now serves a different worker script, and the page checks for it as
    // it does when it becomes visible again.
    const original = readFileSync(workerFile, "utf8");
    writeFileSync(workerFile, `${original}\n// e2e: a new deploy ${Date.now()}\n`);
    try {
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      const notice = page.getByTestId("update-notice");
      await notice.waitFor({ timeout: 30_000 });
      await expect(notice.getByRole("heading").textContent()).resolves.toBe(
        "A new version is ready",
      );
      // Non-blocking: the field keeps focus and can still be typed into.
      await page.getByTestId("prompt-input").press("End");
      await page.getByTestId("prompt-input").pressSequentially(" ✨");

      const reloaded = page.waitForEvent("load", { timeout: 30_000 });
      await page.getByTestId("update-reload").click();
      await reloaded;
      await expect
        .poll(() => page.getByTestId("prompt-input").inputValue(), { timeout: 20_000 })
        .toBe(`${typed} ✨`);
      await expect
        .poll(
          () =>
            page.evaluate(async () => {
              const registration = await navigator.serviceWorker.getRegistration();
              return {
                waiting: registration?.waiting !== null,
                controlled: navigator.serviceWorker.controller !== null,
              };
            }),
          { timeout: 10_000 },
        )
        .toEqual({ waiting: false, controlled: true });
      await expect(page.getByTestId("update-notice").count()).resolves.toBe(0);
      // What was typed is put back, then forgotten at the end of the restore window (15 s),
      // not kept around for later visits.
      await expect
        .poll(
          () =>
            page.evaluate(() =>
              Object.keys(sessionStorage).filter((key) =>
                key.startsWith("studio:preserved-field:"),
              ),
            ),
          { timeout: 25_000 },
        )
        .toEqual([]);
    } finally {
      writeFileSync(workerFile, original);
    }
    await context.close();
  });
});
