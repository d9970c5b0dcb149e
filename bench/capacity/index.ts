/**
 * bench/capacity — how many people the free tiers carry, from measured costs.
 *
 * Measures (measure.ts) what each kind of request costs on the production build — bytes on the
 * wire, KV commands counted at an Upstash REST endpoint in front of the real Redis, server CPU,
 * database rows written — and what each generated image leaves behind (files: original and every
 * thumbnail; database rows and bytes). Then it multiplies those by a day of use for a few
 * scenarios (N daily users, each viewing M images and generating G per day) and prints, per
 * month, each free-tier meter with the share of its limit used and the first limit to break, in
 * two file modes: files served through the function (embedded, and Supabase mode before the
 * Storage redirect) and files redirected to Supabase Storage.
 * A benchmark: it prints figures and asserts nothing.
 *
 * Run: npx tsx --conditions=react-server bench/capacity/index.ts [images=30] [samples=10]
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is the admin connection
 * (a fresh database is made and dropped), REDIS_URL (default redis://127.0.0.1:6379) the Redis
 * behind the Upstash REST shim. BENCH_CAPACITY_REUSE_BUILD=1 starts the existing .next-e2e build
 * even when a source is newer (no rebuild).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ensureProductionBuild } from "../../scripts/production-build";
import { measure, type Measurement, type RequestCost } from "./measure";

const IMAGES = Number(process.argv[2] ?? 30);
const SAMPLES = Number(process.argv[3] ?? 10);
const DAYS = 30;
const GB = 1e9;
const MB = 1e6;

/**
 * Free-tier limits per month, as published (see FOOTNOTES). Hobby pauses the project at a limit;
 * Supabase Free makes the database read-only past 500 MB; Upstash Free refuses commands.
 */
const LIMITS = {
  invocations: 1_000_000,
  edgeRequests: 1_000_000,
  vercelTransferGB: 100,
  activeCpuHours: 4,
  supabaseEgressGB: 5,
  supabaseStorageGB: 1,
  supabaseDatabaseMB: 500,
  supabaseMau: 50_000,
  kvCommands: 500_000,
};

const FOOTNOTES = [
  "Vercel Hobby: 1,000,000 function invocations, 1,000,000 edge requests, 100 GB Fast Data Transfer, 4 h Active CPU, 360 GB-h provisioned memory per month — vercel.com/pricing as listed on vercel.com/docs/limits (page dated 2026-09-16) and summarised by hivebook.wiki/wiki/vercel-deployment-limits and verceljobs.com/blog/study-guide/pricing (read 2026-12-07). The older vercel.com/docs/functions/usage-and-pricing page still says 100,000 invocations (pre-Fluid legacy pricing).",
  "Supabase Free: 500 MB database, 1 GB file storage, 5 GB egress, 50,000 MAU — supabase.com/docs/guides/platform/org-based-billing (usage items table) and supabase.com/pricing as summarised by withorb.com/blog/supabase-pricing (read 2026-12-07).",
  "Upstash Redis Free: 500K commands/month, 256 MB data, 10 GB bandwidth — upstash.com/pricing/redis (transcribed 2026-09-20 by api-evangelist/upstash, and pictured 2026-11-09 by docs.flexprice.io; read 2026-12-07).",
];

/** How a day of use turns into requests; each line is printed with the table. */
const USE = {
  galleryOpensPerDay: 1,
  detailShareOfViews: 0.1,
  generatePageVisitsPerDay: 1,
  /** Each generated image is shown once at 800 px when it arrives. */
  filesShownPerGeneration: 1,
  /** Function invocations per page: the page, plus Routing Middleware (billed as a function). */
  invocationsPerPage: 2,
  /** Private images older than this are pruned by the daily cron (DESIGN: 90 days). */
  retentionDays: 90,
};

type FileMode = "via function" | "redirect to Storage";

interface Scenario {
  users: number;
  viewed: number;
  generated: number;
}

const SCENARIOS: Scenario[] = [
  { users: 20, viewed: 30, generated: 1 },
  { users: 50, viewed: 30, generated: 5 },
  { users: 200, viewed: 60, generated: 10 },
  { users: 1000, viewed: 100, generated: 10 },
];

function find(measured: Measurement, prefix: string): RequestCost {
  const found = measured.requests.find((request) => request.kind.startsWith(prefix));
  if (!found) throw new Error(`no measurement for ${prefix}`);
  return found;
}

interface Month {
  invocations: number;
  edgeRequests: number;
  vercelTransferGB: number;
  activeCpuHours: number;
  supabaseEgressGB: number;
  supabaseStorageGB: number;
  supabaseDatabaseMB: number;
  supabaseMau: number;
  kvCommands: number;
  databaseRows: number;
}

function month(
  measured: Measurement,
  scenario: Scenario,
  mode: FileMode,
  swWarm: boolean,
  imageBytes: Record<string, number>,
): Month {
  const page = find(measured, "gallery page");
  const list = find(measured, "list page");
  const detailPage = find(measured, "image detail page");
  const generatePage = find(measured, "generate page");
  const generate = find(measured, "generate (");
  const file = find(measured, "image file 300 (200)");
  const grid = measured.thumbnailVariantInGrid;
  const { users, viewed, generated } = scenario;

  // Per user per day.
  const listPages = Math.max(0, Math.ceil(viewed / 30) - 1) * USE.galleryOpensPerDay;
  const detailOpens = Math.ceil(viewed * USE.detailShareOfViews);
  const pages = USE.galleryOpensPerDay + detailOpens + USE.generatePageVisitsPerDay;
  // A person's own images are CacheFirst in the service worker: once seen, no request. Warm,
  // only the images made today are fetched; cold (new device, no worker, others' images) all.
  const gridFiles = swWarm ? Math.min(viewed, generated) : viewed;
  const detailFiles = swWarm ? 0 : detailOpens;
  const newFiles = generated * USE.filesShownPerGeneration;
  const files = gridFiles + detailFiles + newFiles;
  const apiCalls = listPages + generated;

  const fileBytes =
    gridFiles * (imageBytes[grid] ?? 0) + (detailFiles + newFiles) * (imageBytes["800"] ?? 0);
  const fileHeaders = files * file.headerBytes;
  const textBytes =
    USE.galleryOpensPerDay * (page.wireBytes + page.headerBytes) +
    detailOpens * (detailPage.wireBytes + detailPage.headerBytes) +
    USE.generatePageVisitsPerDay * (generatePage.wireBytes + generatePage.headerBytes) +
    listPages * (list.wireBytes + list.headerBytes) +
    generated * (generate.wireBytes + generate.headerBytes);
  // What the functions read from Postgres: about the JSON they answer with (a page holds a list).
  const databaseEgress =
    (USE.galleryOpensPerDay + listPages) * list.bodyBytes +
    detailOpens * find(measured, "image detail (JSON)").bodyBytes;
  const redirectHeaders = mode === "redirect to Storage" ? files * 600 : 0;

  const invocations = pages * USE.invocationsPerPage + apiCalls + files;
  const cpuMs =
    USE.galleryOpensPerDay * page.cpuMs +
    detailOpens * detailPage.cpuMs +
    USE.generatePageVisitsPerDay * generatePage.cpuMs +
    listPages * list.cpuMs +
    generated * generate.cpuMs +
    files * (mode === "via function" ? file.cpuMs : find(measured, "image file 300 (304").cpuMs);
  const kv =
    USE.galleryOpensPerDay * page.kvCommands +
    detailOpens * detailPage.kvCommands +
    USE.generatePageVisitsPerDay * generatePage.kvCommands +
    listPages * list.kvCommands +
    generated * generate.kvCommands +
    files * file.kvCommands;
  const rowsPerImage = Object.values(measured.rowsPerImage).reduce((a, b) => a + b, 0);
  const viewRows =
    USE.galleryOpensPerDay * page.rowsWritten +
    detailOpens * detailPage.rowsWritten +
    listPages * list.rowsWritten +
    files * file.rowsWritten;

  const perDay = users;
  const imagesPerMonth = users * generated * DAYS;
  return {
    invocations: perDay * invocations * DAYS,
    edgeRequests: perDay * (pages + apiCalls + files) * DAYS,
    vercelTransferGB:
      (perDay *
        DAYS *
        (textBytes + (mode === "via function" ? fileBytes + fileHeaders : redirectHeaders))) /
      GB,
    activeCpuHours: (perDay * DAYS * cpuMs) / 3_600_000,
    // Files leave Storage in both modes: to the function (then to the person), or to the person.
    supabaseEgressGB: (perDay * DAYS * (fileBytes + databaseEgress)) / GB,
    supabaseStorageGB: (imagesPerMonth * measured.textured.total) / GB,
    supabaseDatabaseMB: (imagesPerMonth * measured.databaseBytesPerImage) / MB,
    supabaseMau: users,
    kvCommands: perDay * DAYS * kv,
    databaseRows: imagesPerMonth * rowsPerImage + perDay * DAYS * viewRows,
  };
}

const METERS: { key: keyof typeof LIMITS; label: string; format: (value: number) => string }[] = [
  { key: "invocations", label: "invocations", format: (v) => Math.round(v).toLocaleString("en") },
  { key: "edgeRequests", label: "edge req.", format: (v) => Math.round(v).toLocaleString("en") },
  { key: "vercelTransferGB", label: "Vercel GB", format: (v) => v.toFixed(2) },
  { key: "activeCpuHours", label: "CPU h", format: (v) => v.toFixed(2) },
  { key: "supabaseEgressGB", label: "Supa egress GB", format: (v) => v.toFixed(2) },
  { key: "supabaseStorageGB", label: "storage GB/mo", format: (v) => v.toFixed(3) },
  { key: "supabaseDatabaseMB", label: "DB MB/mo", format: (v) => v.toFixed(1) },
  { key: "kvCommands", label: "KV cmds", format: (v) => Math.round(v).toLocaleString("en") },
  { key: "supabaseMau", label: "MAU", format: (v) => Math.round(v).toLocaleString("en") },
];

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function printMeasurement(measured: Measurement) {
  console.log("\n## Measured per request (mean of the samples, one request at a time)\n");
  console.log(
    "| request | status | body | on the wire | headers | KV commands | server CPU | rows written |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const request of measured.requests) {
    console.log(
      `| ${request.kind} (×${request.samples}) | ${request.status} | ${kb(request.bodyBytes)} | ${kb(request.wireBytes)} | ${request.headerBytes.toFixed(0)} B | ${request.kvCommands.toFixed(2)} | ${request.cpuMs.toFixed(0)} ms | ${request.rowsWritten.toFixed(2)} |`,
    );
  }
  console.log(
    `\nThe gallery grid asks for the ${measured.thumbnailVariantInGrid} px variant (read from the gallery page's HTML).`,
  );
  console.log("\n## Measured per stored image\n");
  const variants = [
    ...new Set([
      ...Object.keys(measured.demo.perVariant),
      ...Object.keys(measured.textured.perVariant),
    ]),
  ];
  console.log(`| files | ${variants.join(" | ")} | total |`);
  console.log(`| --- | ${variants.map(() => "---:").join(" | ")} | ---: |`);
  for (const [label, bytes] of [
    [`demo provider, ${measured.demo.images} generated images (on disk)`, measured.demo],
    [
      `textured 1024×1024 through renderImageVariants, ${measured.textured.images} pictures`,
      measured.textured,
    ],
  ] as const) {
    console.log(
      `| ${label} | ${variants.map((variant) => kb(bytes.perVariant[variant] ?? 0)).join(" | ")} | ${kb(bytes.total)} |`,
    );
  }
  const rows = Object.entries(measured.rowsPerImage)
    .map(([table, n]) => `${table} ${n.toFixed(2)}`)
    .join(", ");
  console.log(`\nDatabase rows per generated image: ${rows}.`);
  console.log(
    `Database growth per generated image: ${kb(measured.databaseBytesPerImage)} (pg_database_size before/after, tables + indexes + TOAST); the images row itself ${measured.imageRowBytes.toFixed(0)} B.`,
  );
}

function printScenarios(measured: Measurement) {
  console.log(
    "\n## Per month, for N daily users viewing M images and generating G a day (textured image sizes)\n",
  );
  console.log(
    `| N, M, G | files | ${METERS.map((meter) => meter.label).join(" | ")} | first limit to break |`,
  );
  console.log(`| --- | --- | ${METERS.map(() => "---:").join(" | ")} | --- |`);
  for (const scenario of SCENARIOS) {
    for (const [mode, warm] of [
      ["via function", false],
      ["redirect to Storage", false],
      ["via function", true],
      ["redirect to Storage", true],
    ] as [FileMode, boolean][]) {
      const result = month(measured, scenario, mode, warm, measured.textured.perVariant);
      const shares = METERS.map((meter) => ({
        meter,
        share: result[meter.key] / LIMITS[meter.key],
      }));
      const ranked = [...shares].sort((a, b) => b.share - a.share);
      const worst = ranked[0]!;
      const broken = ranked.filter(({ share }) => share >= 1);
      const verdict = broken.length
        ? `**${broken.map(({ meter, share }) => `${meter.label} ${(share * 100).toFixed(0)}%`).join(", then ")}**`
        : `none; nearest ${worst.meter.label} ${(worst.share * 100).toFixed(0)}%`;
      const headroom = worst.share > 0 ? Math.floor(scenario.users / worst.share) : Infinity;
      console.log(
        `| ${scenario.users}, ${scenario.viewed}, ${scenario.generated} | ${mode}${warm ? ", worker warm" : ""} | ${shares
          .map(
            ({ meter, share }) =>
              `${meter.format(result[meter.key])} (${(share * 100).toFixed(0)}%)`,
          )
          .join(" | ")} | ${verdict}; ≈${headroom.toLocaleString("en")} such users fit |`,
      );
    }
  }
  const perImage = measured.textured.total;
  const monthsToFill = (scenario: Scenario) =>
    (LIMITS.supabaseStorageGB * GB) / (scenario.users * scenario.generated * DAYS * perImage);
  console.log(
    `\nStorage: every month adds N×G×30 images of ${kb(perImage)}; private images go after ${USE.retentionDays} days, so files level off at about ${USE.retentionDays / DAYS} months' growth (public images stay). With the demo provider's measured ${kb(measured.demo.total)} per image instead, storage per month is ${(measured.demo.total / perImage).toFixed(2)}× these figures. 1 GB fills in ${SCENARIOS.map((s) => `${monthsToFill(s).toFixed(2)} months at (${s.users}, ${s.viewed}, ${s.generated})`).join(", ")}.`,
  );
  console.log(
    `Database rows per month at (${SCENARIOS.map((s) => `${s.users}, ${s.generated}`).join("), (")}): ${SCENARIOS.map((s) => Math.round(month(measured, s, "via function", false, measured.textured.perVariant).databaseRows).toLocaleString("en")).join(", ")}.`,
  );
}

function printAssumptions() {
  console.log("\n## How a day of use becomes requests\n");
  console.log(
    [
      `- each daily user opens the gallery ${USE.galleryOpensPerDay}× (a server-rendered page holding the first 30 images), scrolls one list page of 30 per further 30 images viewed, opens ${USE.detailShareOfViews * 100}% of the viewed images (detail page + the 800 px file), visits the generate page ${USE.generatePageVisitsPerDay}×, and sees each new image once at 800 px;`,
      `- every page is ${USE.invocationsPerPage} invocations (the page and Routing Middleware); every API call and every image file request is 1 (a redirect to Storage is still an invocation);`,
      "- cold: every viewed thumbnail is fetched (a new device, no service worker, someone else's images; public files' revalidations are 304s but still invocations); worker warm: a person's own images are CacheFirst in the service worker, so only the day's new images are fetched;",
      "- Vercel transfer: gzip of HTML/JSON (Vercel compresses text) + headers, + the file bytes when files go through the function; Supabase egress: the file bytes in both modes (the function reads them from Storage) + the JSON-sized rows the functions read;",
      "- CPU is this machine's server CPU per request (process group, user+system); Vercel's Active CPU excludes waiting on I/O, as this does, but its cores differ; static assets (JS, CSS, icons) are CDN edge requests and transfer not counted here (the service worker precaches them once per deploy);",
      "- generation CPU is the demo provider's drawing plus the WebP encoding of every variant; with Gemini the drawing moves to Google and the encoding stays.",
    ].join("\n"),
  );
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  if (process.env.BENCH_CAPACITY_REUSE_BUILD !== "1" && ensureProductionBuild() !== 0) {
    throw new Error("build failed");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "ais-bench-capacity-"));
  try {
    const loadBefore = loadavg();
    const started = performance.now();
    const measured = await measure({
      adminUrl,
      redisUrl,
      dataDir,
      images: IMAGES,
      samples: SAMPLES,
      log: (line) => console.log(line),
    });
    const load = loadavg();
    console.log(
      `\n# bench/capacity — ${new Date().toISOString().slice(0, 10)}, production build, PostgreSQL server, files on disk, Upstash REST shim in front of Redis`,
    );
    console.log(
      `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), load average ${loadBefore.map((v) => v.toFixed(2)).join(" ")} before, ${load.map((v) => v.toFixed(2)).join(" ")} after; measuring took ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    printMeasurement(measured);
    printAssumptions();
    printScenarios(measured);
    console.log("\n## Free-tier limits used\n");
    for (const note of FOOTNOTES) console.log(`- ${note}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
