/**
 * bench/offline — how fast the gallery paints with no network, from the service worker's caches.
 *
 * Starts the production build on embedded defaults (a throwaway DATA_DIR), makes one person
 * with IMAGES real images (through POST /api/v1/images/generate with the demo provider, so
 * every thumbnail file exists), opens /gallery in Debian's Chromium, and lets the service
 * worker cache the gallery page, its list pages and the thumbnail of every image (fetched
 * through the worker, as scrolling would). Then, RUNS times: network off, reload, and time
 * from the start of the reload to the first FIRST_TILES thumbnails decoded and painted
 * (measured in the page: a frame after every one of them is complete with pixels).
 * The same is measured online (network-first to the server) for comparison.
 *
 * Run: npx tsx --conditions=react-server bench/offline/index.ts [images=500] [runs=10]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import {
  ensureProductionBuild,
  freePort,
  startProductionServer,
  stopServer,
  waitForHealth,
} from "../../scripts/production-build";

const IMAGES = Number(process.argv[2] ?? 500);
const RUNS = Number(process.argv[3] ?? 10);
const FIRST_TILES = 30;
const GENERATE_CONCURRENCY = 6;
// Tall enough that FIRST_TILES tiles sit in the viewport (lazy images below it never load).
const VIEWPORT = { width: 1440, height: 1400 };
/** Where to write a Chromium trace of one more offline reload (none when unset). */
const TRACE_PATH = process.env.BENCH_OFFLINE_TRACE;
const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "blink.user_timing",
  "loading",
  "navigation",
  "toplevel",
  "v8.execute",
  "blink",
  "cc",
  "ServiceWorker",
];
const chromiumPath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

interface ListedImage {
  id: string;
  urls: { original: string; thumbnails: Record<string, string | undefined> };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return `${label.padEnd(34)} p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(sorted, 95).toFixed(0).padStart(5)} ms   mean ${mean.toFixed(0).padStart(5)} ms   (n=${sorted.length})`;
}

/**
 * Marks the moment the first `count` gallery thumbnails are decoded and a frame has passed.
 * Plain JavaScript text: tsx wraps named functions in a helper the page does not have.
 */
async function installPaintProbe(context: BrowserContext, count: number): Promise<void> {
  await context.addInitScript({
    content: `(() => {
      const wanted = ${count};
      function done() {
        const images = Array.from(
          document.querySelectorAll('[data-testid="gallery-tile"] img'),
        ).slice(0, wanted);
        return images.length === wanted &&
          images.every((image) => image.complete && image.naturalWidth > 0);
      }
      function tick() {
        if (window.__tilesInDomAt === undefined &&
            document.querySelectorAll('[data-testid="gallery-tile"] img').length >= wanted) {
          window.__tilesInDomAt = performance.now();
        }
        if (done()) {
          // One more frame: the decoded pixels are on screen, not just in memory.
          requestAnimationFrame(() => { window.__tilesPaintedAt = performance.now(); });
          return;
        }
        requestAnimationFrame(tick);
      }
      requestAnimationFrame(tick);
    })();`,
  });
}

/** Where a reload's time went, in ms from the start of the navigation. */
interface ReloadTiming {
  painted: number;
  /** The page's HTML fully received (from the worker's cache when offline). */
  html: number;
  firstContentfulPaint: number;
  /** The first FIRST_TILES thumbnails' img elements are in the document (all, not decoded). */
  tilesInDom: number;
  domContentLoaded: number;
}

async function timeReload(page: Page): Promise<ReloadTiming> {
  await page.reload({ waitUntil: "commit" });
  try {
    await page.waitForFunction(
      () => (window as Window & { __tilesPaintedAt?: number }).__tilesPaintedAt !== undefined,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
  } catch (error) {
    const state = await page.evaluate(() => {
      const images = Array.from(
        document.querySelectorAll<HTMLImageElement>('[data-testid="gallery-tile"] img'),
      );
      return {
        url: location.href,
        tiles: document.querySelectorAll('[data-testid="gallery-tile"]').length,
        images: images.length,
        complete: images.filter((image) => image.complete && image.naturalWidth > 0).length,
      };
    });
    throw new Error(`the first thumbnails never painted: ${JSON.stringify(state)}`, {
      cause: error,
    });
  }
  return page.evaluate(() => {
    const marks = window as Window & { __tilesPaintedAt?: number; __tilesInDomAt?: number };
    const navigation = performance.getEntriesByType("navigation")[0] as
      PerformanceNavigationTiming | undefined;
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    return {
      painted: marks.__tilesPaintedAt ?? Number.NaN,
      html: navigation?.responseEnd ?? Number.NaN,
      firstContentfulPaint: paint?.startTime ?? Number.NaN,
      tilesInDom: marks.__tilesInDomAt ?? Number.NaN,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
    };
  });
}

/** The p50 of every phase: where the time to painted thumbnails goes. */
function phases(label: string, timings: ReloadTiming[]): string {
  const p50 = (pick: (timing: ReloadTiming) => number) =>
    percentile(
      timings.map(pick).sort((a, b) => a - b),
      50,
    ).toFixed(0);
  return `${label.padEnd(34)} p50 of each phase: HTML ${p50((t) => t.html)} ms, first paint ${p50((t) => t.firstContentfulPaint)} ms, DOMContentLoaded ${p50((t) => t.domContentLoaded)} ms, tiles in the document ${p50((t) => t.tilesInDom)} ms, tiles painted ${p50((t) => t.painted)} ms`;
}

async function generateImages(page: Page, baseUrl: string, count: number): Promise<void> {
  let next = 0;
  let made = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: GENERATE_CONCURRENCY }, async () => {
      while (next < count) {
        const index = next++;
        const response = await page.request.post("/api/v1/images/generate", {
          data: {
            prompt: `bench offline image ${index}: a lighthouse at dusk, variation ${index}`,
          },
          headers: { origin: baseUrl },
          timeout: 120_000,
        });
        if (response.status() !== 201) {
          throw new Error(`generate ${index}: ${response.status()} ${await response.text()}`);
        }
        made += 1;
        if (made % 100 === 0) {
          console.log(
            `  ${made}/${count} images (${((performance.now() - started) / 1000).toFixed(0)} s)`,
          );
        }
      }
    }),
  );
}

async function listAllImages(page: Page): Promise<ListedImage[]> {
  const images: ListedImage[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const response = await page.request.get(`/api/v1/images?limit=100${query}`);
    const body = (await response.json()) as {
      data: ListedImage[];
      meta: { pagination: { nextCursor: string | null } };
    };
    images.push(...body.data);
    cursor = body.meta.pagination.nextCursor;
  } while (cursor);
  return images;
}

async function main(): Promise<number> {
  const built = ensureProductionBuild((line) => console.log(`bench: ${line}`));
  if (built !== 0) return built;
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "ais-bench-offline-"));
  const server = startProductionServer(port, {
    DATA_DIR: dataDir,
    DAILY_GENERATION_LIMIT: String(IMAGES + 10),
    MONTHLY_GENERATION_LIMIT: String(IMAGES + 10),
    GENERATE_RATE_LIMIT_PER_MINUTE: "100000",
    LOG_LEVEL: "warn",
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      // Nothing of Chromium's own in the background competes with the page for the two cores.
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    await waitForHealth(baseUrl, server);
    const context = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT });
    await installPaintProbe(context, FIRST_TILES);
    const page = await context.newPage();
    const email = `bench-offline-${Date.now()}@example.com`;
    const registered = await page.request.post("/api/v1/auth/register", {
      data: { email, password: "bench password 123", name: "Bench" },
      headers: { origin: baseUrl },
    });
    if (registered.status() !== 201) throw new Error(`register: ${registered.status()}`);

    console.log(
      `bench: generating ${IMAGES} images (demo provider, ${GENERATE_CONCURRENCY} at a time)…`,
    );
    await generateImages(page, baseUrl, IMAGES);

    await page.goto("/gallery");
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    // Under the worker now: this load caches the page, its first list page and thumbnails.
    await timeReload(page);

    // What scrolling through the whole gallery would leave behind: every thumbnail.
    const images = await listAllImages(page);
    const thumbnails = images.map(
      (image) =>
        image.urls.thumbnails["300"] ?? image.urls.thumbnails["800"] ?? image.urls.original,
    );
    const cached = await page.evaluate(async (urls) => {
      let ok = 0;
      for (let index = 0; index < urls.length; index += 25) {
        const batch = urls.slice(index, index + 25);
        const responses = await Promise.all(batch.map((url) => fetch(url)));
        for (const response of responses) {
          await response.arrayBuffer();
          if (response.ok) ok += 1;
        }
      }
      const cache = await caches.open("studio-images-v2");
      return { fetched: ok, inCache: (await cache.keys()).length };
    }, thumbnails);
    console.log(
      `bench: ${images.length} images listed, ${cached.fetched} thumbnails fetched, ${cached.inCache} entries in studio-images-v2`,
    );

    const online: ReloadTiming[] = [];
    for (let run = 0; run < RUNS; run++) online.push(await timeReload(page));

    await context.setOffline(true);
    const offline: ReloadTiming[] = [];
    for (let run = 0; run < RUNS; run++) offline.push(await timeReload(page));
    const tiles = await page.getByTestId("gallery-tile").count();
    if (TRACE_PATH) {
      await browser.startTracing(page, {
        path: TRACE_PATH,
        screenshots: true,
        categories: TRACE_CATEGORIES,
      });
      await timeReload(page);
      await browser.stopTracing();
      console.log(`bench: the trace of one more offline reload is in ${TRACE_PATH}`);
    }
    await context.setOffline(false);

    console.log("");
    console.log(
      `bench/offline — reload of /gallery to the first ${FIRST_TILES} thumbnails painted, ${images.length} images cached, ${VIEWPORT.width}×${VIEWPORT.height}, ${RUNS} runs each`,
    );
    // Browser, server and page share this machine's CPUs: a busy machine slows both columns.
    console.log(
      `machine: ${cpus().length} CPUs, load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}`,
    );
    const painted = (timings: ReloadTiming[]) => timings.map((timing) => timing.painted);
    console.log(summary("online (network-first, server up)", painted(online)));
    console.log(summary("offline (service worker caches)", painted(offline)));
    console.log(phases("online", online));
    console.log(phases("offline", offline));
    console.log(`(${tiles} tiles rendered offline on the last run)`);
    await context.close();
    return 0;
  } finally {
    await browser.close();
    stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("bench:", error);
    process.exit(1);
  },
);
