/**
 * bench/lighthouse — Lighthouse mobile on the studio's pages, beside an almost empty Next.js
 * page (bench/lighthouse/baseline) built with the same `next` and measured in the same run.
 *
 * Builds the studio (the .next-e2e production build) and the baseline (its own dist dir),
 * starts both on embedded defaults (a throwaway DATA_DIR), registers one person and makes
 * IMAGES images with the demo provider (every third one public, so Explore and a share page
 * have something to show), then runs Lighthouse with its default mobile emulation and
 * simulated throttling RUNS times per page, each studio run followed by a baseline run, on
 * Debian's Chromium. Signed-in pages get the session cookie through Lighthouse's extraHeaders.
 * Prints the medians (performance, accessibility, best practices, SEO, LCP, TBT, CLS), each
 * page's performance and LCP/TBT as a ratio to the baseline's, first-load JS per route, and the
 * audits of accessibility, best practices and SEO that failed on any run, by page.
 * A benchmark: it prints figures and asserts nothing.
 *
 * Run: npx tsx bench/lighthouse/index.ts [runs=3] [images=40] [page…]
 * Pages after the image count measure only those pages (each still beside the baseline): a path
 * (`/gallery`, `/generate`, `/explore`, `/`, `/login`) or `share` / `collection` for the share
 * pages. Without any, every page is measured.
 * BENCH_LIGHTHOUSE_DIST=<dir> serves a copy of the build made beforehand (so the shared build
 * lock need not be held for the whole run): under the lock, let the e2e runner or
 * ensureProductionBuild refresh .next-e2e, then `cp -a .next-e2e .next-lighthouse` (and drop
 * its types/ and cache/), and run with BENCH_LIGHTHOUSE_DIST=.next-lighthouse.
 * CHROME_PATH (default /usr/bin/chromium) picks the browser. BENCH_LIGHTHOUSE_JSON=<dir> keeps
 * every run's full report there, for the profiles behind a figure, with its trace and DevTools
 * log (`<run>-0.trace.json`, `<run>-0.devtoolslog.json`: open the trace in DevTools' Performance
 * panel).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Result } from "lighthouse";
import {
  DIST_DIR,
  ensureProductionBuild,
  freePort,
  startProductionServer,
  stopServer,
  waitForHealth,
} from "../../scripts/production-build";
import { firstLoadJs } from "./first-load-js";

const RUNS = Number(process.argv[2] ?? 3);
const IMAGES = Number(process.argv[3] ?? 40);
const ONLY = process.argv.slice(4);
const PAGE_NAMES = ["/", "/login", "/explore", "share", "collection", "/gallery", "/generate"];
const BASELINE_DIR = join("bench", "lighthouse", "baseline");
const BASELINE_DIST = ".next-baseline";
const chromiumPath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const keepReports = process.env.BENCH_LIGHTHOUSE_JSON;
const studioDist = process.env.BENCH_LIGHTHOUSE_DIST ?? DIST_DIR;
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

interface Figures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** The failed audits of the accessibility, best-practices and SEO categories of one run. */
type FailedAudits = { category: string; id: string; title: string }[];

interface Page {
  label: string;
  path: string;
  signedIn: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medians(runs: Figures[]): Figures {
  const of = (key: keyof Figures) => median(runs.map((run) => run[key]));
  return {
    performance: of("performance"),
    accessibility: of("accessibility"),
    bestPractices: of("bestPractices"),
    seo: of("seo"),
    lcpMs: of("lcpMs"),
    tbtMs: of("tbtMs"),
    cls: of("cls"),
  };
}

function buildBaseline(): number {
  console.log(`bench: building the baseline (${BASELINE_DIR}, into ${BASELINE_DIST})…`);
  const build = spawnSync("npx", ["next", "build", BASELINE_DIR], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  return build.status ?? 1;
}

function startBaseline(port: number): ChildProcess {
  return spawn("npx", ["next", "start", BASELINE_DIR, "-p", String(port), "-H", "localhost"], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
}

async function waitForPage(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${url}: the server exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Debian's Chromium with a DevTools port for Lighthouse (one browser for every run). */
async function startChromium(): Promise<{ port: number; browser: ChildProcess; profile: string }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), "ais-bench-lighthouse-chrome-"));
  const browser = spawn(
    chromiumPath,
    [
      ...CHROME_FLAGS,
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      "--no-first-run",
      "about:blank",
    ],
    { stdio: "ignore", detached: true },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) {
        return { port, browser, profile };
      }
    } catch {
      /* starting */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("Chromium did not open its DevTools port");
}

/** Registers a person; returns the Cookie header of their session. */
async function register(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({
      email: `bench-lighthouse-${Date.now()}@example.com`,
      password: "bench password 123",
      name: "Bench",
    }),
  });
  if (response.status !== 201) throw new Error(`register: ${response.status}`);
  const cookies = response.headers.getSetCookie().map((line) => line.split(";")[0]!);
  if (cookies.length === 0) throw new Error("register: no session cookie");
  return cookies.join("; ");
}

/** Makes `count` images with the demo provider; returns a public one's id and share path. */
async function seedImages(
  baseUrl: string,
  cookie: string,
  count: number,
): Promise<{ id: string; shareUrl: string }> {
  let shared: { id: string; shareUrl: string } | null = null;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const index = next++;
        const response = await fetch(`${baseUrl}/api/v1/images/generate`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: baseUrl, cookie },
          body: JSON.stringify({
            prompt: `bench lighthouse image ${index}: a lighthouse on a cliff at dusk, variation ${index}`,
            isPublic: index % 3 === 0,
            tags: ["bench", index % 2 ? "dusk" : "dawn"],
          }),
        });
        if (response.status !== 201) {
          throw new Error(`generate ${index}: ${response.status} ${await response.text()}`);
        }
        const { image } = (
          (await response.json()) as { data: { image: { id: string; shareUrl: string | null } } }
        ).data;
        if (image.shareUrl) shared ??= { id: image.id, shareUrl: image.shareUrl };
      }
    }),
  );
  if (!shared) throw new Error("no public image was made");
  return shared;
}

/** A public collection holding the public image; returns its share path. */
async function seedCollection(baseUrl: string, cookie: string, imageId: string): Promise<string> {
  const headers = { "content-type": "application/json", origin: baseUrl, cookie };
  const created = await fetch(`${baseUrl}/api/v1/gallery/collections`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name: "Lighthouses", description: "At dusk", isPublic: true }),
  });
  if (created.status !== 201) throw new Error(`collection: ${created.status}`);
  const collection = ((await created.json()) as { data: { id: string; shareUrl: string } }).data;
  const added = await fetch(`${baseUrl}/api/v1/gallery/collections/${collection.id}/images`, {
    method: "POST",
    headers,
    body: JSON.stringify({ imageId }),
  });
  if (!added.ok) throw new Error(`add to collection: ${added.status}`);
  return collection.shareUrl;
}

/**
 * One Lighthouse run through its CLI on plain Node: under tsx, the functions Lighthouse sends
 * to the page are rewritten with a `__name` helper the page does not have.
 */
async function runLighthouse(
  url: string,
  port: number,
  cookie: string | null,
  reportName: string,
  attempt = 1,
): Promise<{ figures: Figures; failed: FailedAudits }> {
  if (keepReports) mkdirSync(keepReports, { recursive: true });
  const args = [
    "lighthouse",
    url,
    `--port=${port}`,
    "--output=json",
    ...(keepReports
      ? [`--output-path=${join(keepReports, `${reportName}.json`)}`, "--save-assets"]
      : ["--output-path=stdout"]),
    "--quiet",
    "--only-categories=performance,accessibility,best-practices,seo",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const run = spawnSync("npx", args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  // Chromium now and then loses the trace of a load (NO_NAVSTART): that run is measured again.
  const again = (why: string) => {
    console.log(`bench: ${url}: ${why}, measuring that run again`);
    return runLighthouse(url, port, cookie, reportName, attempt + 1);
  };
  if (run.status !== 0) {
    if (attempt < 3 && run.stderr.includes("NO_NAVSTART")) return again("NO_NAVSTART");
    throw new Error(`lighthouse ${url}: ${run.stderr || run.status}`);
  }
  const report = keepReports
    ? readFileSync(join(keepReports, `${reportName}.json`), "utf8")
    : run.stdout;
  const lhr = JSON.parse(report) as Result;
  if (lhr.runtimeError) {
    if (attempt < 3 && lhr.runtimeError.code === "NO_NAVSTART") return again("NO_NAVSTART");
    throw new Error(`${url}: ${lhr.runtimeError.message}`);
  }
  // A lost session would measure the login page instead: make sure the page asked for is shown.
  const shown = new URL(lhr.finalDisplayedUrl).pathname;
  if (shown !== new URL(url).pathname) throw new Error(`${url}: Lighthouse ended on ${shown}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const failed = ["accessibility", "best-practices", "seo"].flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((result) => result && result.score !== null && result.score < 1)
      .map((result) => ({ category, id: result!.id, title: result!.title })),
  );
  const figures = {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: audit("largest-contentful-paint"),
    tbtMs: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
  };
  return { figures, failed };
}

function printTable(
  rows: { label: string; figures: Figures; js: string; noindex?: boolean }[],
  baseline: Figures,
) {
  const header = [
    "page".padEnd(26),
    "perf".padStart(5),
    "a11y".padStart(5),
    "bp".padStart(4),
    "seo".padStart(4),
    "LCP".padStart(8),
    "TBT".padStart(8),
    "CLS".padStart(6),
    "perf/base".padStart(10),
    "LCP/base".padStart(9),
    "TBT/base".padStart(9),
    "first-load JS".padStart(21),
  ];
  console.log(header.join(" "));
  for (const { label, figures, js, noindex } of rows) {
    const ratio = (value: number, base: number) =>
      base > 0 ? `${(value / base).toFixed(2)}×` : "–";
    console.log(
      [
        label.padEnd(26),
        String(figures.performance).padStart(5),
        String(figures.accessibility).padStart(5),
        String(figures.bestPractices).padStart(4),
        `${figures.seo}${noindex ? "*" : ""}`.padStart(4),
        `${(figures.lcpMs / 1000).toFixed(2)} s`.padStart(8),
        `${Math.round(figures.tbtMs)} ms`.padStart(8),
        figures.cls.toFixed(3).padStart(6),
        ratio(figures.performance, baseline.performance).padStart(10),
        ratio(figures.lcpMs, baseline.lcpMs).padStart(9),
        ratio(figures.tbtMs, baseline.tbtMs).padStart(9),
        js.padStart(21),
      ].join(" "),
    );
  }
}

async function main(): Promise<number> {
  const unknown = ONLY.filter((name) => !PAGE_NAMES.includes(name));
  if (unknown.length > 0) {
    console.error(`bench: unknown pages ${unknown.join(", ")} (known: ${PAGE_NAMES.join(" ")})`);
    return 2;
  }
  if (studioDist === DIST_DIR) {
    const built = ensureProductionBuild((line) => console.log(`bench: ${line}`));
    if (built !== 0) return built;
  } else {
    console.log(`bench: serving the studio's build copied to ${studioDist}`);
  }
  if (buildBaseline() !== 0) return 1;

  const dataDir = mkdtempSync(join(tmpdir(), "ais-bench-lighthouse-"));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const studio = startProductionServer(port, {
    DATA_DIR: dataDir,
    DAILY_GENERATION_LIMIT: String(IMAGES + 10),
    MONTHLY_GENERATION_LIMIT: String(IMAGES + 10),
    GENERATE_RATE_LIMIT_PER_MINUTE: "100000",
    LOG_LEVEL: "warn",
    NEXT_DIST_DIR: studioDist,
  });
  const baselinePort = await freePort();
  const baselineUrl = `http://localhost:${baselinePort}/`;
  const baselineServer = startBaseline(baselinePort);
  let chrome: Awaited<ReturnType<typeof startChromium>> | undefined;
  try {
    await waitForHealth(baseUrl, studio);
    await waitForPage(baselineUrl, baselineServer);
    const cookie = await register(baseUrl);
    console.log(`bench: making ${IMAGES} images (demo provider)…`);
    const shared = await seedImages(baseUrl, cookie, IMAGES);
    const collectionPath = await seedCollection(baseUrl, cookie, shared.id);

    const allPages: (Page & { name: string })[] = [
      { name: "/", label: "/", path: "/", signedIn: false },
      { name: "/login", label: "/login", path: "/login", signedIn: false },
      { name: "/explore", label: "/explore", path: "/explore", signedIn: false },
      { name: "share", label: "/s/i/<id> (share)", path: shared.shareUrl, signedIn: false },
      {
        name: "collection",
        label: "/s/c/<id> (collection)",
        path: collectionPath,
        signedIn: false,
      },
      { name: "/gallery", label: `/gallery (${IMAGES} images)`, path: "/gallery", signedIn: true },
      { name: "/generate", label: "/generate", path: "/generate", signedIn: true },
    ];
    const pages = allPages.filter((page) => ONLY.length === 0 || ONLY.includes(page.name));
    // One warm-up request per page: the first render of each route compiles nothing in
    // production, but it fills the server's module and data caches that every later run sees.
    for (const page of pages) {
      await fetch(`${baseUrl}${page.path}`, { headers: page.signedIn ? { cookie } : {} });
    }
    await fetch(baselineUrl);

    chrome = await startChromium();
    const results = new Map<string, Figures[]>(pages.map((page) => [page.label, []]));
    const baselineRuns: Figures[] = [];
    const failedByPage = new Map<string, Map<string, string>>();
    for (let run = 1; run <= RUNS; run++) {
      for (const [index, page] of pages.entries()) {
        const { figures, failed } = await runLighthouse(
          `${baseUrl}${page.path}`,
          chrome.port,
          page.signedIn ? cookie : null,
          `run${run}-page${index}`,
        );
        results.get(page.label)!.push(figures);
        const pageFailures = failedByPage.get(page.label) ?? new Map<string, string>();
        for (const { category, id, title } of failed) pageFailures.set(`${category}/${id}`, title);
        failedByPage.set(page.label, pageFailures);
        const baselineRun = await runLighthouse(
          baselineUrl,
          chrome.port,
          null,
          `run${run}-page${index}-baseline`,
        );
        baselineRuns.push(baselineRun.figures);
        console.log(
          `bench: run ${run}/${RUNS} ${page.label}: perf ${figures.performance}, LCP ${Math.round(figures.lcpMs)} ms, TBT ${Math.round(figures.tbtMs)} ms`,
        );
      }
    }

    const routes = new Map(firstLoadJs(studioDist).map((route) => [route.route, route]));
    const baselineRoutes = firstLoadJs(join(BASELINE_DIR, BASELINE_DIST));
    const jsOf = (route: string | undefined) =>
      route && routes.get(route)
        ? `${routes.get(route)!.next} / ${routes.get(route)!.withLayouts} kB`
        : "";
    const baseline = medians(baselineRuns);
    const baselineJs = baselineRoutes.find((route) => route.route === "/");

    console.log("");
    console.log(
      `bench/lighthouse — Lighthouse mobile (default emulation and simulated throttling), median of ${RUNS} runs per page, each followed by a run of the baseline (${baselineRuns.length} baseline runs)`,
    );
    console.log(
      `machine: ${cpus().length} CPUs, load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}; first-load JS: next build's figure / with the layouts above the page (gzip)`,
    );
    const routeOf: Record<string, string> = {
      "/": "/",
      "/login": "/login",
      "/explore": "/explore",
      "/s/i/<id> (share)": "/s/i/[shareId]",
      "/s/c/<id> (collection)": "/s/c/[shareId]",
      [`/gallery (${IMAGES} images)`]: "/gallery",
      "/generate": "/generate",
    };
    printTable(
      [
        {
          label: "baseline (empty Next 15)",
          figures: baseline,
          js: baselineJs ? `${baselineJs.next} / ${baselineJs.withLayouts} kB` : "",
        },
        ...pages.map((page) => ({
          label: page.label,
          figures: medians(results.get(page.label)!),
          js: jsOf(routeOf[page.label]),
          noindex: page.signedIn,
        })),
      ],
      baseline,
    );
    console.log(
      "* a signed-in page, noindex on purpose: its SEO misses is-crawlable by design (SEO is a target only where indexable)",
    );
    console.log("");
    console.log("accessibility, best-practices and SEO audits that failed on any run:");
    for (const page of pages) {
      const failures = failedByPage.get(page.label);
      if (!failures || failures.size === 0) continue;
      for (const [id, title] of failures) {
        const byDesign = page.signedIn && id === "seo/is-crawlable" ? " (noindex by design)" : "";
        console.log(`  ${page.label.padEnd(26)} ${id}: ${title}${byDesign}`);
      }
    }
    if ([...failedByPage.values()].every((failures) => failures.size === 0)) console.log("  none");
    console.log("");
    console.log("first-load JS of every route (next build's figure / with layouts, gzip):");
    for (const route of routes.values()) {
      console.log(`  ${route.route.padEnd(22)} ${route.next} / ${route.withLayouts} kB`);
    }
    return 0;
  } finally {
    if (chrome) {
      try {
        process.kill(-chrome.browser.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      // Chromium may still be writing its profile as it exits: retry while the folder empties,
      // and never let a leftover temporary folder fail a run whose figures are printed.
      try {
        rmSync(chrome.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (error) {
        console.warn(`bench: could not remove ${chrome.profile}: ${String(error)}`);
      }
    }
    stopServer(studio);
    stopServer(baselineServer);
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
