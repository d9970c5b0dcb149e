/**
 * bench/load — a thousand people at once against the production build, on the PostgreSQL
 * server and Redis, with autocannon as the load generator.
 *
 * Seeds the gallery benchmark's data (1,000 users with 100 images each, every fifth public with
 * a share page) into a fresh database, starts a fake Gemini answering each image in 3–8 s, signs
 * in SIGNED_IN users and starts the studio. Then VIRTUAL_USERS connections (default 1,000), each
 * one person doing one thing over and over without pause, for SECONDS:
 *
 * - browsing (60%): open the gallery page, scroll three pages of the list, open an image,
 *   search their own images;
 * - visiting (34%, signed out): the public gallery, a search of it, Explore, a share page;
 * - generating (5%): a prompt, answered by the fake provider in 3–8 s, stored with its variants;
 * - uploading (1%): image-to-image with a small picture.
 *
 * Prints per kind of request: count, errors (anything but the expected status, sockets,
 * time-outs), p50/p95/p99; the throughput; the server's CPU (cores used on average) and peak
 * memory; the most database connections in use; and the machine's load.
 * A benchmark: it prints figures and asserts nothing.
 *
 * Run: npx tsx --conditions=react-server bench/load/index.ts [seconds=60] [virtual-users=1000]
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is the admin connection,
 * REDIS_URL (default redis://127.0.0.1:6379) the studio's KV. BENCH_LOAD_KEEP=<database> seeds
 * that database once and keeps it (drop it yourself when done).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon, { type Request as CannonRequest } from "autocannon";
import postgres from "postgres";
import sharp from "sharp";
import {
  ensureProductionBuild,
  freePort,
  startProductionServer,
  stopServer,
  waitForHealth,
} from "../../scripts/production-build";
import {
  FAKE_GEMINI_KEY,
  FAKE_GEMINI_MODEL,
  startFakeGeminiServer,
} from "../../tests/support/fake-gemini-server";
import { PASSWORD, SEARCH, seedGallery } from "../gallery/seed";
import { processGroupCpuMs, processGroupRssBytes } from "../process-cpu";

const SECONDS = Number(process.argv[2] ?? 60);
const VIRTUAL_USERS = Number(process.argv[3] ?? 1000);
/** Distinct accounts the signed-in virtual users share (several devices each). */
const SIGNED_IN = 200;
const MIX = { browsing: 0.6, visiting: 0.34, generating: 0.05, uploading: 0.01 };

type Kind =
  | "gallery page"
  | "list page 1"
  | "list page 2"
  | "list page 3"
  | "open image"
  | "own search"
  | "public gallery"
  | "public search"
  | "explore page"
  | "share page"
  | "generate"
  | "upload";

interface Context {
  kind?: Kind;
  startedAt?: number;
  account?: Account;
  cursor?: string | null;
  imageId?: string | null;
  sharePath?: string | null;
}

interface Account {
  cookie: string;
}

class Tally {
  readonly latencies = new Map<Kind, number[]>();
  readonly errors = new Map<Kind, number>();
  readonly statuses = new Map<string, number>();
  record(kind: Kind, status: number, expected: number, ms: number) {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
    if (status !== expected) {
      this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
      const key = `${kind} ${status}`;
      this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
    }
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Starts the clock for a request of this kind (autocannon builds it just before sending). */
function timed(kind: Kind, build: (request: CannonRequest, context: Context) => CannonRequest) {
  return (request: CannonRequest, context: Context): CannonRequest => {
    context.kind = kind;
    context.startedAt = performance.now();
    return build(request, context);
  };
}

function stopClock(tally: Tally, context: Context, status: number, expected = 200) {
  if (!context.kind || context.startedAt === undefined) return;
  tally.record(context.kind, status, expected, performance.now() - context.startedAt);
  context.startedAt = undefined;
}

interface Envelope<T> {
  data: T;
  meta?: { pagination?: { nextCursor?: string | null } };
}

function parseEnvelope<T>(body: string): Envelope<T> | null {
  try {
    return JSON.parse(body) as Envelope<T>;
  } catch {
    return null;
  }
}

async function signIn(baseUrl: string, email: string): Promise<Account> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
  return { cookie };
}

async function multipartUpload(): Promise<{ body: Buffer; contentType: string }> {
  const picture = await sharp({
    create: { width: 256, height: 256, channels: 3, background: { r: 180, g: 120, b: 60 } },
  })
    .png()
    .toBuffer();
  const boundary = "----bench-load-boundary";
  const field = (name: string, value: string) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(field("prompt", "the same scene at night, lanterns lit")),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="image"; filename="in.png"\r\ncontent-type: image/png\r\n\r\n`,
    ),
    picture,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const kept = process.env.BENCH_LOAD_KEEP;
  if (kept && !/^[a-z_][a-z0-9_]*$/.test(kept)) throw new Error("BENCH_LOAD_KEEP: a plain name");
  const name = kept ?? `ais_load_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const exists =
    kept !== undefined &&
    (await admin`select 1 from pg_database where datname = ${kept}`).length > 0;
  if (!exists) await admin.unsafe(`create database ${name}`);
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const dataDir = mkdtempSync(join(tmpdir(), "ais-bench-load-"));
  const gemini = await startFakeGeminiServer({ models: [FAKE_GEMINI_MODEL] });
  let server: ReturnType<typeof startProductionServer> | undefined;
  try {
    console.log(exists ? `bench: reusing ${name}` : "bench: seeding 100,000 images…");
    if (!exists) await seedGallery(databaseUrl);
    if (ensureProductionBuild() !== 0) throw new Error("build failed");
    const emails = (
      await postgres(databaseUrl, {
        max: 1,
      })`select email from auth.users order by email limit ${SIGNED_IN}`
    ).map((row) => row.email as string);

    const port = await freePort();
    server = startProductionServer(port, {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      APP_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      DATA_DIR: dataDir,
      GEMINI_API_KEY: FAKE_GEMINI_KEY,
      GEMINI_API_BASE_URL: gemini.url,
      GEMINI_IMAGE_MODEL: FAKE_GEMINI_MODEL,
      DEMO_PROVIDER: "off",
      DAILY_GENERATION_LIMIT: "1000000",
      MONTHLY_GENERATION_LIMIT: "1000000",
      GENERATE_RATE_LIMIT_PER_MINUTE: "100000",
      AUTH_RATE_LIMIT_PER_MINUTE: "100000",
      LOG_LEVEL: "error",
    });
    const baseUrl = `http://localhost:${port}`;
    await waitForHealth(baseUrl, server);
    const accounts: Account[] = [];
    for (const email of emails) accounts.push(await signIn(baseUrl, email));
    console.log(`bench: ${accounts.length} accounts signed in`);
    // Every image takes 3–8 s at the provider, like the real model.
    const answers = Math.ceil(SECONDS * VIRTUAL_USERS * MIX.generating * 2 + 100);
    for (let i = 0; i < answers; i++) {
      gemini.enqueue({ kind: "delay", ms: 3000 + Math.floor(Math.random() * 5000) });
    }

    const tally = new Tally();
    let nextAccount = 0;
    const accountOf = (context: Context) =>
      (context.account ??= accounts[nextAccount++ % accounts.length]!);
    const withCookie = (request: CannonRequest, context: Context, path: string) => ({
      ...request,
      path,
      headers: { ...request.headers, cookie: accountOf(context).cookie, origin: baseUrl },
    });
    const listPage = (kind: Kind, first: boolean): autocannon.Request => ({
      method: "GET",
      setupRequest: timed(kind, (request, context) =>
        first || context.cursor
          ? withCookie(
              request,
              context,
              `/api/v1/images?limit=30${!first && context.cursor ? `&cursor=${encodeURIComponent(context.cursor)}` : ""}`,
            )
          : withCookie(request, context, "/api/v1/images?limit=30"),
      ),
      onResponse: (status, body, context: Context) => {
        stopClock(tally, context, status);
        const page = parseEnvelope<{ id: string }[]>(body);
        const items = page?.data ?? [];
        context.imageId = items[Math.floor(Math.random() * items.length)]?.id ?? null;
        context.cursor = page?.meta?.pagination?.nextCursor ?? null;
      },
    });
    const browsing: autocannon.Request[] = [
      {
        method: "GET",
        setupRequest: timed("gallery page", (request, context) =>
          withCookie(request, context, "/gallery"),
        ),
        onResponse: (status, _body, context: Context) => stopClock(tally, context, status),
      },
      listPage("list page 1", true),
      listPage("list page 2", false),
      listPage("list page 3", false),
      {
        method: "GET",
        setupRequest: timed("open image", (request, context) =>
          withCookie(request, context, `/api/v1/images/${context.imageId ?? "missing"}`),
        ),
        onResponse: (status, _body, context: Context) => stopClock(tally, context, status),
      },
      {
        method: "GET",
        setupRequest: timed("own search", (request, context) =>
          withCookie(request, context, `/api/v1/images?limit=30&q=${SEARCH}`),
        ),
        onResponse: (status, _body, context: Context) => stopClock(tally, context, status),
      },
    ];
    const visiting: autocannon.Request[] = [
      {
        method: "GET",
        setupRequest: timed("public gallery", (request) => ({
          ...request,
          path: "/api/v1/gallery/public?sort=newest&limit=30",
        })),
        onResponse: (status, body, context: Context) => {
          stopClock(tally, context, status);
          const page = parseEnvelope<{ shareUrl?: string | null }[]>(body);
          const shared = (page?.data ?? []).filter((item) => item.shareUrl);
          const pick = shared[Math.floor(Math.random() * shared.length)]?.shareUrl;
          context.sharePath = pick ? new URL(pick, baseUrl).pathname : null;
        },
      },
      {
        method: "GET",
        setupRequest: timed("public search", (request) => ({
          ...request,
          path: `/api/v1/gallery/public?q=${SEARCH}&limit=30`,
        })),
        onResponse: (status, _body, context: Context) => stopClock(tally, context, status),
      },
      {
        method: "GET",
        setupRequest: timed("explore page", (request) => ({ ...request, path: "/explore" })),
        onResponse: (status, _body, context: Context) => stopClock(tally, context, status),
      },
      {
        method: "GET",
        setupRequest: timed("share page", (request, context) => ({
          ...request,
          path: context.sharePath ?? "/explore",
        })),
        onResponse: (status, _body, context: Context) => stopClock(tally, context, status),
      },
    ];
    const generating: autocannon.Request[] = [
      {
        method: "POST",
        setupRequest: timed("generate", (request, context) => ({
          ...withCookie(request, context, "/api/v1/images/generate"),
          headers: {
            cookie: accountOf(context).cookie,
            origin: baseUrl,
            "content-type": "application/json",
          },
          body: JSON.stringify({
            prompt: `a ${SEARCH} on a cliff at dusk, bench load ${Math.random().toString(36).slice(2, 8)}`,
          }),
        })),
        onResponse: (status, _body, context: Context) => stopClock(tally, context, status, 201),
      },
    ];
    const upload = await multipartUpload();
    const uploading: autocannon.Request[] = [
      {
        method: "POST",
        setupRequest: timed("upload", (request, context) => ({
          ...withCookie(request, context, "/api/v1/images/generate"),
          headers: {
            cookie: accountOf(context).cookie,
            origin: baseUrl,
            "content-type": upload.contentType,
          },
          body: upload.body as unknown as string,
        })),
        onResponse: (status, _body, context: Context) => stopClock(tally, context, status, 201),
      },
    ];

    const groups: {
      name: string;
      share: number;
      requests: autocannon.Request[];
      timeout: number;
    }[] = [
      { name: "browsing", share: MIX.browsing, requests: browsing, timeout: 30 },
      { name: "visiting", share: MIX.visiting, requests: visiting, timeout: 30 },
      { name: "generating", share: MIX.generating, requests: generating, timeout: 90 },
      { name: "uploading", share: MIX.uploading, requests: uploading, timeout: 90 },
    ];
    const monitor = postgres(adminUrl, { max: 1, onnotice: () => {} });
    let peakConnections = 0;
    let peakRss = 0;
    const sample = async () => {
      const [row] =
        await monitor`select count(*)::int as n from pg_stat_activity where datname = ${name}`;
      peakConnections = Math.max(peakConnections, row!.n as number);
      peakRss = Math.max(peakRss, processGroupRssBytes(server!.pid!) ?? 0);
    };
    const sampler = setInterval(() => void sample().catch(() => undefined), 1000);
    const cpuBefore = processGroupCpuMs(server.pid!);
    const started = performance.now();
    console.log(`bench: ${VIRTUAL_USERS} virtual users for ${SECONDS} s…`);
    const results = await Promise.all(
      groups.map((group) =>
        autocannon({
          url: baseUrl,
          connections: Math.max(1, Math.round(VIRTUAL_USERS * group.share)),
          duration: SECONDS,
          timeout: group.timeout,
          requests: group.requests,
        }),
      ),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = processGroupCpuMs(server.pid!);
    clearInterval(sampler);
    await sample().catch(() => undefined);
    await monitor.end();
    const load = loadavg();

    console.log(
      `\nbench/load — ${VIRTUAL_USERS} virtual users for ${SECONDS} s against the production build (PostgreSQL server + Redis)`,
    );
    console.log(
      `machine: ${cpus().length} CPUs, load average ${load.map((value) => value.toFixed(2)).join(" ")} (the load generator and the fake provider share it)`,
    );
    console.log(
      `${"request".padEnd(16)}${"count".padStart(8)}${"errors".padStart(8)}${"p50".padStart(10)}${"p95".padStart(10)}${"p99".padStart(10)}`,
    );
    let total = 0;
    let errors = 0;
    for (const [kind, list] of [...tally.latencies].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = list.sort((a, b) => a - b);
      const failed = tally.errors.get(kind) ?? 0;
      total += list.length;
      errors += failed;
      const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(10);
      console.log(
        `${kind.padEnd(16)}${String(list.length).padStart(8)}${String(failed).padStart(8)}${ms(percentile(sorted, 50))}${ms(percentile(sorted, 95))}${ms(percentile(sorted, 99))}`,
      );
    }
    const socketErrors = results.reduce((sum, result) => sum + result.errors, 0);
    const timeouts = results.reduce((sum, result) => sum + result.timeouts, 0);
    console.log(
      `total: ${total} requests, ${(total / elapsed).toFixed(0)} req/s; errors: ${errors} unexpected statuses, ${socketErrors} socket errors (${timeouts} time-outs)`,
    );
    for (const [key, count] of tally.statuses) console.log(`  unexpected: ${key} ×${count}`);
    const cores =
      cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / 1000 / elapsed;
    console.log(
      `server: ${cores === null ? "?" : cores.toFixed(2)} cores on average, peak memory ${(peakRss / 2 ** 20).toFixed(0)} MiB; database connections in use at most ${peakConnections}; images generated ${gemini.requests.length}`,
    );
  } finally {
    if (server) stopServer(server);
    await gemini.close();
    if (!kept) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
    }
    await admin.end();
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
