/**
 * Drives /gallery and the image detail in Debian's Chromium, checks the main flows, measures
 * the virtualised grid with 10,000 images, and takes screenshots at phone and desktop sizes,
 * light and dark.
 *
 *   npx tsx scripts/screenshots-gallery.ts http://localhost:3300 [outDir]
 *
 * The server must run with the demo provider and room to generate, e.g.
 * DAILY_GENERATION_LIMIT=2000 GENERATE_RATE_LIMIT_PER_MINUTE=1000 npx next dev -p 3300
 *
 * Output: docs/screenshots/gallery-*.png and image-detail-*.png; a report on stdout.
 * Set SKIP_FLOWS=1, SKIP_MEASURE=1 or SKIP_SHOTS=1 to leave those parts out.
 */
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from "playwright-core";
import {
  DEVICES,
  HIDE_DEV_OVERLAY,
  launchBrowser,
  THEMES,
  type DeviceName,
  type ThemeName,
} from "./support/screenshot-setup";

const baseUrl = (process.argv[2] ?? "").replace(/\/$/, "");
if (!/^https?:\/\//.test(baseUrl)) {
  console.error("Usage: npx tsx scripts/screenshots-gallery.ts <base-url> [out-dir]");
  process.exit(2);
}
const outDir = path.resolve(process.argv[3] ?? "docs/screenshots");

const PASSWORD = "correct horse battery";

const SUBJECTS = [
  "a lighthouse on a cliff at dusk",
  "a fox curled up in fresh snow",
  "a neon ramen shop on a rainy street",
  "a glass teapot with blooming tea",
  "an astronaut tending a rooftop garden",
  "a koi pond under cherry blossoms",
  "a vintage motorcycle in a desert",
  "a cozy reading nook with a cat",
  "a mountain lake at sunrise with mist",
  "a robot barista pouring latte art",
  "a floating island with waterfalls",
  "an owl made of autumn leaves",
  "a paper boat on a city puddle",
  "a jellyfish in a deep blue ocean",
  "a bicycle leaning on a yellow wall",
  "a stack of pancakes with berries",
  "a futuristic train crossing a bridge",
  "a hummingbird near red flowers",
  "a snowy cabin with warm windows",
  "a desert canyon under the milky way",
];
const TAG_SETS = [
  ["landscape", "dusk"],
  ["animals"],
  ["city", "night"],
  ["still life"],
  ["sci-fi"],
  ["nature"],
  [],
];
const RATIOS = ["1:1", "16:9", "9:16", "4:3", "3:4"] as const;

interface ApiImage {
  id: string;
  prompt: string;
  tags: string[];
  favorite: boolean;
  isPublic: boolean;
  urls: { original: string; thumbnails: Record<string, string> };
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function readData<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  const body = (await response.json()) as {
    success: boolean;
    data: T;
    error?: { message: string };
  };
  if (!body.success)
    throw new Error(`${response.url()}: ${body.error?.message ?? response.status()}`);
  return body.data;
}

/** A fresh account; with `images`, that many generated images (and a short chain of edits). */
async function seedAccount(browser: Browser, images: number): Promise<StorageState> {
  const context = await browser.newContext();
  const request = context.request;
  const headers = { Origin: baseUrl };
  const email = `gallery+${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const registered = await request.post(`${baseUrl}/api/v1/auth/register`, {
    data: { email, password: PASSWORD, name: "Grace Hopper" },
    headers,
  });
  assert.ok(registered.ok(), `register failed: ${registered.status()} ${await registered.text()}`);
  if (images > 0) {
    const templates = await readData<{ id: string }[]>(
      await request.get(`${baseUrl}/api/v1/templates`),
    );
    let last: ApiImage | null = null;
    for (let index = 0; index < images; index += 1) {
      const body: Record<string, unknown> = {
        prompt:
          SUBJECTS[index % SUBJECTS.length] + (index >= SUBJECTS.length ? ", wide angle" : ""),
        aspectRatio: RATIOS[index % RATIOS.length],
        tags: TAG_SETS[index % TAG_SETS.length],
      };
      if (index % 3 === 0) body.styleTemplateId = templates[index % templates.length]?.id;
      if (index % 4 === 0) body.negativePrompt = "blurry, text, watermark";
      if (index % 7 === 0) body.quality = "high";
      const created = await request.post(`${baseUrl}/api/v1/images/generate`, {
        data: body,
        headers,
      });
      last = (await readData<{ image: ApiImage }>(created)).image;
    }
    // Two edits in a row and one beside them: lineage for the detail view.
    if (last) {
      const first = await request.post(`${baseUrl}/api/v1/images/${last.id}/edit`, {
        data: { prompt: "make it a snowy night" },
        headers,
      });
      const edit = (await readData<{ image: ApiImage }>(first)).image;
      await request.post(`${baseUrl}/api/v1/images/${edit.id}/edit`, {
        data: { prompt: "add a glowing comet over the horizon" },
        headers,
      });
      await request.post(`${baseUrl}/api/v1/images/${last.id}/edit`, {
        data: { prompt: "as a loose watercolor" },
        headers,
      });
    }
  }
  const state = await context.storageState();
  await context.close();
  return state;
}

async function newContext(
  browser: Browser,
  device: DeviceName,
  theme: ThemeName,
  storageState: StorageState,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...DEVICES[device],
    colorScheme: theme,
    reducedMotion: "reduce",
    storageState,
    // A production build installs a service worker, and requests it answers bypass
    // page.route: the 10,000-image list below must reach the page's own route handler.
    serviceWorkers: "block",
  });
  const { hostname } = new URL(baseUrl);
  await context.addCookies([{ name: "theme", value: theme, domain: hostname, path: "/" }]);
  return context;
}

/** Opens a page; a dev server that is recompiling may answer 500 once, so that is retried. */
async function open(page: Page, pathname: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await page.goto(`${baseUrl}${pathname}`, {
      waitUntil: "domcontentloaded",
      timeout: 90_000,
    });
    if ((response?.status() ?? 200) < 500 || attempt === 3) break;
    await page.waitForTimeout(2_000);
  }
  await page.locator("#main").waitFor({ timeout: 60_000 });
  await page.addStyleTag({ content: HIDE_DEV_OVERLAY });
}

/** Waits until every thumbnail inside the viewport has decoded. */
async function waitForThumbnails(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const images = [
        ...document.querySelectorAll<HTMLImageElement>('[data-testid="gallery-tile"] img'),
      ];
      const visible = images.filter((image) => {
        const box = image.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      });
      return (
        visible.length > 0 && visible.every((image) => image.complete && image.naturalWidth > 0)
      );
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(200);
}

async function waitForStage(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector<HTMLImageElement>('[data-testid="image-stage-main"]');
      const lineage = document.querySelector('[data-testid="image-lineage"]');
      const thumbs = [...(lineage?.querySelectorAll("img") ?? [])];
      return (
        Boolean(main && main.complete && main.naturalWidth > 0) &&
        lineage !== null &&
        !lineage.querySelector('[aria-busy="true"]') &&
        thumbs.every((thumb) => thumb.complete && thumb.naturalWidth > 0)
      );
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(250);
}

/**
 * Opens the lightbox from the grid. A dev server's hot reload refetches the page for the URL
 * on screen (/images/<id>), which swaps the gallery for the standalone page: then try again.
 */
async function openLightbox(page: Page, index: number): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await page.getByTestId("gallery-tile").nth(index).click();
    await page.getByTestId("image-lightbox").waitFor();
    await waitForStage(page);
    if ((await page.getByTestId("image-lightbox").count()) === 1) return;
    await open(page, "/gallery");
    await waitForThumbnails(page);
  }
  throw new Error("the lightbox did not stay open");
}

async function shoot(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) console.warn(`warning: ${name} overflows horizontally by ${overflow}px`);
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`saved ${path.relative(process.cwd(), file)}`);
}

async function apiImages(request: APIRequestContext, query = ""): Promise<ApiImage[]> {
  return readData<ApiImage[]>(await request.get(`${baseUrl}/api/v1/images?limit=100${query}`));
}

// ------------------------------------------------------------------------------ flows --

async function checkFlows(browser: Browser, state: StorageState): Promise<void> {
  const context = await newContext(browser, "desktop", "light", state);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const request = context.request;
  const step = (text: string) => console.log(`  ✓ ${text}`);
  console.log("flows (desktop, light):");

  await open(page, "/gallery");
  await waitForThumbnails(page);
  const total = (await apiImages(request)).length;

  // Search: debounced, kept in the URL, with a chip that clears it.
  await page.getByTestId("gallery-search").locator("input").fill("fox");
  await page.waitForURL(/\/gallery\?q=fox/);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="gallery-tile"]').length === 2,
  );
  await page.getByTestId("filter-chip-q").click();
  await page.waitForURL((url) => url.search === "");
  step("search narrows the grid and lives in the URL; the chip clears it");

  // Filter by tag (inline bar on desktop) and by shape; invalid params are ignored.
  await page.getByLabel("Shape").selectOption("16:9");
  await page.waitForURL(/aspectRatio=16%3A9/);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="gallery-tile"]').length > 0,
  );
  const wide = await page.getByTestId("gallery-tile").count();
  assert.equal(wide, (await apiImages(request, "&aspectRatio=16:9")).length);
  await page.getByRole("button", { name: "Clear all" }).click();
  await open(page, "/gallery?tag=animals&favorite=maybe&aspectRatio=2:1");
  await waitForThumbnails(page);
  assert.equal(
    await page.getByTestId("gallery-tile").count(),
    (await apiImages(request, "&tag=animals")).length,
  );
  assert.equal(await page.getByTestId("filter-chip-favorite").count(), 0);
  step("tag and shape filters match the API; invalid parameters are ignored");

  // No results, then back.
  await open(page, "/gallery?q=zebra-crossing-nothing");
  await page.getByTestId("gallery-no-results").waitFor();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await waitForThumbnails(page);
  step("no-results state clears the filters");

  // Lightbox: opens on its own URL, arrows move within the results, Back closes it.
  const firstTile = page.getByTestId("gallery-tile").first();
  const firstId = await firstTile.getAttribute("data-image-id");
  const secondId = await page.getByTestId("gallery-tile").nth(1).getAttribute("data-image-id");
  await firstTile.click();
  await page.getByTestId("image-lightbox").waitFor();
  await page.waitForURL(`**/images/${firstId}`);
  await waitForStage(page);
  await page.keyboard.press("ArrowRight");
  await page.waitForURL(`**/images/${secondId}`);
  await page.keyboard.press("ArrowLeft");
  await page.waitForURL(`**/images/${firstId}`);
  step("lightbox opens at /images/<id>; ←/→ walk the results");

  // Favorite with F, tags, add to a new collection.
  const patched = () =>
    page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/v1/images/${firstId}`) &&
        response.request().method() === "PATCH",
      { timeout: 60_000 },
    );
  const favoriteSaved = patched();
  await page.keyboard.press("f");
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="image-favorite"]')?.getAttribute("aria-pressed") ===
      "true",
  );
  await favoriteSaved;
  const afterFavorite = await readData<{ image: ApiImage }>(
    await request.get(`${baseUrl}/api/v1/images/${firstId}`),
  );
  assert.equal(afterFavorite.image.favorite, true);
  const tagInput = page.getByTestId("image-tags-input");
  await tagInput.fill("keeper");
  const tagSaved = patched();
  await tagInput.press("Enter");
  await page.getByRole("button", { name: "Remove tag keeper" }).waitFor();
  await tagSaved;
  const afterTag = await readData<{ image: ApiImage }>(
    await request.get(`${baseUrl}/api/v1/images/${firstId}`),
  );
  assert.ok(afterTag.image.tags.includes("keeper"));
  await page.getByTestId("image-add-to-collection").click();
  await page.getByTestId("new-collection").click();
  await page.getByTestId("new-collection-name").fill("Screenshots");
  await page.getByTestId("new-collection-create").click();
  await page.getByTestId("collection-picker").waitFor({ state: "detached" });
  const collections = await readData<{ id: string; name: string; imageCount: number }[]>(
    await request.get(`${baseUrl}/api/v1/gallery/collections`),
  );
  assert.equal(collections.find((item) => item.name === "Screenshots")?.imageCount, 1);
  step("F favorites, tags save, “New collection” creates and adds");

  // Public with a share link.
  await page.getByTestId("image-visibility").click();
  await page.getByTestId("image-share-link").waitFor();
  await page.getByTestId("image-visibility").click();
  await page.getByTestId("image-share-link").waitFor({ state: "detached" });
  step("making it public shows the share link");

  await page.goBack();
  await page.waitForURL((url) => url.pathname === "/gallery");
  await page.getByTestId("image-lightbox").waitFor({ state: "detached" });
  assert.equal(
    await page
      .locator(`[data-image-id="${firstId}"]`)
      .evaluate((tile) => tile === document.activeElement),
    true,
  );
  step("Back closes the lightbox and focus returns to the tile");

  // The favorite shows on the grid, and the collection filter works.
  await open(
    page,
    `/gallery?collectionId=${collections.find((item) => item.name === "Screenshots")?.id}`,
  );
  await waitForThumbnails(page);
  assert.equal(await page.getByTestId("gallery-tile").count(), 1);
  step("the collection filter lists the collection's image");

  // Reload of the lightbox URL: the standalone page.
  await open(page, `/images/${firstId}`);
  await page.getByTestId("image-detail").waitFor();
  assert.equal(await page.getByTestId("image-lightbox").count(), 0);
  await page
    .getByTestId("lineage-ancestors")
    .or(page.getByTestId("image-lineage"))
    .first()
    .waitFor();
  step("/images/<id> on its own renders the standalone page");

  // Select with Ctrl-click and Shift-click, delete, undo; delete again and let it go through.
  await open(page, "/gallery");
  await waitForThumbnails(page);
  const tiles = page.getByTestId("gallery-tile");
  const picked = await Promise.all(
    [0, 1, 2, 3].map((index) => tiles.nth(index).getAttribute("data-image-id")),
  );
  await tiles.nth(0).click({ modifiers: ["ControlOrMeta"] });
  await page.getByTestId("bulk-bar").waitFor();
  await page
    .getByTestId("gallery-tile")
    .nth(3)
    .click({ modifiers: ["Shift"] });
  await page.getByText("4 selected").waitFor();
  await page.getByTestId("bulk-delete").click();
  await page.getByTestId("confirm-delete-submit").click();
  await page.getByTestId("undo-delete").waitFor();
  for (const id of picked) assert.equal(await page.locator(`[data-image-id="${id}"]`).count(), 0);
  await page.getByTestId("undo-delete-button").click();
  await page.locator(`[data-image-id="${picked[0]}"]`).waitFor();
  await page.waitForTimeout(6_500);
  assert.equal((await apiImages(request)).length, total);
  step("bulk delete hides at once; Undo brings the images back and nothing is deleted");

  await page.getByTestId("select-mode").click();
  await page.getByTestId("gallery-tile").nth(0).click();
  await page.getByTestId("gallery-tile").nth(1).click();
  await page.getByTestId("bulk-delete").click();
  await page.getByTestId("confirm-delete-submit").click();
  await page.getByTestId("undo-delete").waitFor();
  await page.getByTestId("undo-delete").waitFor({ state: "detached", timeout: 10_000 });
  await page.waitForTimeout(500);
  assert.equal((await apiImages(request)).length, total - 2);
  step("without Undo, the delete is sent after the undo window");

  // Delete, then leave before the window ends: the keepalive request still deletes.
  await page.getByTestId("select-mode").click();
  await page.getByTestId("gallery-tile").nth(0).click();
  await page.getByTestId("bulk-delete").click();
  await page.getByTestId("confirm-delete-submit").click();
  await page.getByTestId("undo-delete").waitFor();
  await page.goto("about:blank");
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  assert.equal((await apiImages(request)).length, total - 3);
  step("leaving the page sends a pending delete at once (keepalive)");

  // Edit from the lightbox: the new image opens when it is ready.
  await open(page, "/gallery");
  await waitForThumbnails(page);
  await page.getByTestId("gallery-tile").first().click();
  await page.getByTestId("image-lightbox").waitFor();
  const sourceId = await page.getByTestId("image-detail").getAttribute("data-image-id");
  await page.getByTestId("image-edit-form").locator("textarea").fill("make it a foggy morning");
  await page.getByTestId("image-edit-submit").click();
  await page.waitForURL(
    (url) => url.pathname.startsWith("/images/") && !url.pathname.endsWith(sourceId ?? ""),
    {
      timeout: 60_000,
    },
  );
  await page.getByTestId("lineage-ancestors").waitFor();
  step("an edit from the lightbox opens the new image, with its lineage");

  // Keyboard: arrows move between tiles, Enter opens, Escape closes.
  await page.keyboard.press("Escape");
  await page.getByTestId("image-lightbox").waitFor({ state: "detached" });
  const focusedTile = (index: number) =>
    page.waitForFunction(
      (expected) => document.activeElement?.getAttribute("data-tile-index") === expected,
      String(index),
      { timeout: 5_000 },
    );
  await focusedTile(0);
  await page.keyboard.press("ArrowRight");
  await focusedTile(1);
  await page.keyboard.press("Enter");
  await page.getByTestId("image-lightbox").waitFor();
  await page.keyboard.press("Escape");
  step("arrow keys move through the grid; Enter opens, Escape closes");

  assert.deepEqual(errors, [], `page errors: ${errors.join("; ")}`);
  await context.close();
}

/** Long-press to select and swipe between images, with real touch events. */
async function checkTouchFlows(browser: Browser, state: StorageState): Promise<void> {
  console.log("flows (phone, touch):");
  const context = await newContext(browser, "phone", "light", state);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const touch = async (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: type === "touchEnd" ? [] : [{ x, y }],
    });

  await open(page, "/gallery");
  await waitForThumbnails(page);
  const tile = page.getByTestId("gallery-tile").first();
  const box = await tile.boundingBox();
  assert.ok(box);
  await touch("touchStart", box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(700);
  await touch("touchEnd", 0, 0);
  await page.getByTestId("bulk-bar").waitFor();
  await page.getByText("1 selected").waitFor();
  console.log("  ✓ a long press starts selecting with that image");

  await page.getByRole("button", { name: "Stop selecting" }).click();
  const ids = await Promise.all(
    [0, 1].map((index) =>
      page.getByTestId("gallery-tile").nth(index).getAttribute("data-image-id"),
    ),
  );
  await page.getByTestId("gallery-tile").first().tap();
  await page.waitForURL(`**/images/${ids[0]}`);
  await waitForStage(page);
  const stage = await page.getByTestId("image-stage").boundingBox();
  assert.ok(stage);
  const y = stage.y + stage.height / 2;
  await touch("touchStart", stage.x + stage.width * 0.8, y);
  for (let step = 1; step <= 6; step += 1) {
    await touch("touchMove", stage.x + stage.width * (0.8 - step * 0.1), y + step);
  }
  await touch("touchEnd", 0, 0);
  await page.waitForURL(`**/images/${ids[1]}`);
  console.log("  ✓ a swipe to the left shows the next image");
  await context.close();
}

// ---------------------------------------------------------------------------- measure --

/** 10,000 synthetic images (real thumbnails, reused) served in pages of 60, then scrolled through. */
async function measureTenThousand(browser: Browser, state: StorageState): Promise<void> {
  const context = await newContext(browser, "desktop", "light", state);
  const page = await context.newPage();
  const real = await apiImages(context.request);
  assert.ok(real.length > 0, "no images to build the synthetic list from");
  const TOTAL = 10_000;
  await page.route(
    (url) => url.pathname === "/api/v1/images",
    async (route) => {
      const url = new URL(route.request().url());
      const limit = Number(url.searchParams.get("limit") ?? 60);
      const start = Number(url.searchParams.get("cursor") ?? 0);
      const end = Math.min(TOTAL, start + limit);
      const data = [];
      for (let index = start; index < end; index += 1) {
        const source = real[index % real.length]!;
        const id = `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
        data.push({ ...source, id, prompt: `#${index + 1} ${source.prompt}` });
      }
      await route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({
          success: true,
          data,
          meta: {
            pagination: {
              limit,
              nextCursor: end < TOTAL ? String(end) : null,
              hasMore: end < TOTAL,
            },
          },
        }),
      });
    },
  );
  await open(page, "/gallery");
  await waitForThumbnails(page);

  const sample = () =>
    page.evaluate(() => ({
      nodes: document.querySelectorAll("*").length,
      tiles: document.querySelectorAll('[data-testid="gallery-tile"]').length,
      scrollY: Math.round(window.scrollY),
      height: document.documentElement.scrollHeight,
    }));
  const before = await sample();

  // Jump to the bottom again and again: every jump asks for the next page.
  const started = Date.now();
  for (let round = 0; round < 3000; round += 1) {
    const done = await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return document.querySelector('[data-testid="gallery-footer"] p') !== null;
    });
    if (done) break;
    await page.waitForTimeout(20);
  }
  const loadSeconds = (Date.now() - started) / 1000;
  // The last page made the document taller: go to the new bottom, where the last row renders.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(300);
  const atEnd = await sample();
  const lastTile = await page.getByTestId("gallery-tile").last().getAttribute("aria-label");

  // A steady scroll through the middle: wall-clock frames (noisy on a busy machine), the
  // main thread's own time (Chrome's Performance metrics) and how often rows were (un)mounted.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => {
    const { metrics: list } = await cdp.send("Performance.getMetrics");
    return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
  };
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
  await page.waitForTimeout(500);
  const metricsBefore = await metrics();
  // A string, not a function: tsx would wrap the inner functions in a helper the page lacks.
  const run = await page.evaluate<{
    deltas: number[];
    mutations: number;
  }>(`new Promise((resolve) => {
    const grid = document.querySelector('[data-testid="gallery-grid"]');
    let mutations = 0;
    const observer = new MutationObserver((records) => { mutations += records.length; });
    observer.observe(grid, { childList: true });
    const deltas = [];
    let last = performance.now();
    function tick(now) {
      deltas.push(now - last);
      last = now;
      window.scrollBy(0, 60);
      if (deltas.length < 300) requestAnimationFrame(tick);
      else { observer.disconnect(); resolve({ deltas: deltas.slice(1), mutations }); }
    }
    requestAnimationFrame(tick);
  })`);
  const metricsAfter = await metrics();
  const perFrame = (name: string) =>
    Math.round(
      (((metricsAfter[name] ?? 0) - (metricsBefore[name] ?? 0)) * 1000 * 10) / run.deltas.length,
    ) / 10;
  const sorted = [...run.deltas].sort((a, b) => a - b);
  const quantile = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  const middle = await sample();

  console.log("10,000 images (desktop 1440×900, 6 columns):");
  console.log(
    `  top:    ${before.tiles} tiles in the DOM, ${before.nodes} elements in the document`,
  );
  console.log(
    `  middle: ${middle.tiles} tiles, ${middle.nodes} elements (scrollY ${middle.scrollY} of ${middle.height})`,
  );
  console.log(
    `  end:    ${atEnd.tiles} tiles, ${atEnd.nodes} elements; last tile “${lastTile?.slice(0, 24)}…”`,
  );
  console.log(
    `  all ${Math.ceil(TOTAL / 60)} pages fetched by scrolling in ${loadSeconds.toFixed(1)} s`,
  );
  console.log(
    `  scrolling ${run.deltas.length} frames at 60 px a frame (${(run.deltas.length * 60) / 1000}k px): ` +
      `${run.mutations} row mounts/unmounts; main thread per frame: script ${perFrame("ScriptDuration")} ms, ` +
      `style ${perFrame("RecalcStyleDuration")} ms, layout ${perFrame("LayoutDuration")} ms, ` +
      `all tasks ${perFrame("TaskDuration")} ms; frame interval median ${quantile(0.5)} ms, p95 ${quantile(0.95)} ms`,
  );
  assert.ok(lastTile?.startsWith(`#${TOTAL} `), "the last image was not reached");
  assert.ok(atEnd.tiles < 150, "the grid rendered too many tiles");
  await context.close();
}

// ------------------------------------------------------------------------ screenshots --

async function takeScreenshots(
  browser: Browser,
  state: StorageState,
  empty: StorageState,
): Promise<void> {
  for (const device of Object.keys(DEVICES) as DeviceName[]) {
    for (const theme of THEMES) {
      const suffix = `${device}-${theme}`;
      const context = await newContext(browser, device, theme, state);
      const page = await context.newPage();

      await open(page, "/gallery");
      await waitForThumbnails(page);
      await shoot(page, `gallery-${suffix}`);

      // Active filters: chips on every size; the sheet on phones.
      await open(page, "/gallery?tag=landscape&aspectRatio=16%3A9");
      await waitForThumbnails(page);
      if (device === "phone") {
        await page.getByTestId("gallery-filters-open").click();
        await page.getByTestId("gallery-filter-sheet").waitFor();
        await page.waitForTimeout(300);
        await shoot(page, `gallery-filters-${suffix}`);
        await page.keyboard.press("Escape");
      } else {
        await shoot(page, `gallery-filters-${suffix}`);
      }

      // Select mode with the bulk bar.
      await open(page, "/gallery");
      await waitForThumbnails(page);
      await page.getByTestId("select-mode").click();
      for (const index of [0, 2, 3]) await page.getByTestId("gallery-tile").nth(index).click();
      await page.waitForTimeout(200);
      await shoot(page, `gallery-select-${suffix}`);
      await page.getByTestId("select-mode").click();

      // The lightbox over the grid (an edited image, so the lineage shows).
      await openLightbox(page, 1);
      await shoot(page, `image-detail-${suffix}`);
      if (device === "phone") {
        await page
          .getByTestId("image-panel")
          .evaluate((panel) => panel.scrollIntoView({ block: "start" }));
        await page.getByTestId("image-lineage").scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await shoot(page, `image-detail-panel-${suffix}`);
      }
      const id = await page.getByTestId("image-detail").getAttribute("data-image-id");
      await page.keyboard.press("Escape");

      // The standalone page.
      await open(page, `/images/${id}`);
      await page.getByTestId("image-detail").waitFor();
      await waitForStage(page);
      await shoot(page, `image-detail-page-${suffix}`);

      // Undo after a delete (phone, dark only: one is enough to see it).
      if (device === "phone" && theme === "dark") {
        await open(page, "/gallery");
        await waitForThumbnails(page);
        await page.getByTestId("select-mode").click();
        await page.getByTestId("gallery-tile").nth(4).click();
        await page.getByTestId("gallery-tile").nth(5).click();
        await page.getByTestId("bulk-delete").click();
        await page.getByTestId("confirm-delete-submit").click();
        await page.getByTestId("undo-delete").waitFor();
        await waitForThumbnails(page);
        await shoot(page, `gallery-undo-${suffix}`);
        await page.getByTestId("undo-delete-button").click();
      }
      await context.close();

      if (theme === "light") {
        const emptyContext = await newContext(browser, device, theme, empty);
        const emptyPage = await emptyContext.newPage();
        await open(emptyPage, "/gallery");
        await emptyPage.getByTestId("gallery-empty").waitFor({ timeout: 30_000 });
        await shoot(emptyPage, `gallery-empty-${suffix}`);
        await emptyContext.close();
      }
    }
  }
}

async function main() {
  await mkdir(outDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    console.log("seeding two accounts (40 images, and none)…");
    const [state, empty] = await Promise.all([seedAccount(browser, 40), seedAccount(browser, 0)]);
    if (!process.env.SKIP_MEASURE) await measureTenThousand(browser, state);
    if (!process.env.SKIP_SHOTS) await takeScreenshots(browser, state, empty);
    if (!process.env.SKIP_FLOWS) {
      await checkFlows(browser, state);
      await checkTouchFlows(browser, state);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
