/**
 * bench/load — a thousand people at once against the production build, on the PostgreSQL
 * server and Redis.
 *
 * Seeds the gallery benchmark's data (1,000 users with 100 images each, every fifth public with
 * a share page) into a fresh database, starts a fake Gemini answering each image in 3–8 s, signs
 * in SIGNED_IN accounts and starts the studio. Then VIRTUAL_USERS people (default 1,000) for
 * SECONDS, in the mix of workload.ts:
 *
 * - browsing (60%): open the gallery page, scroll three pages of the list, open an image,
 *   search their own images;
 * - visiting (34%, signed out): the public gallery, a search of it, Explore, a share page;
 * - generating (5%): a prompt, answered by the fake provider in 3–8 s, stored with its variants;
 * - uploading (1%): image-to-image with a small picture.
 *
 * With THINK seconds (default 10) each person pauses 0.5–1.5× that long between steps, the way
 * people use the studio (people.ts). With THINK 0 every person is an autocannon connection that
 * never pauses: the saturation run (closed-loop.ts).
 *
 * Prints per kind of request: count, errors (anything but the expected status, sockets,
 * time-outs), p50/p95/p99; the throughput; the server's CPU (cores used on average) and peak
 * memory; the most database connections in use; and the machine's load.
 * A benchmark: it prints figures and asserts nothing.
 *
 * Run: npx tsx --conditions=react-server bench/load/index.ts [seconds=60] [virtual-users=1000] [think=10]
 * BENCH_LOAD_PROCESSES (default: one per core) starts that many studio processes, each on its own
 * port, and spreads the people over them the way a balancer or Vercel's instances would.
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is the admin connection,
 * REDIS_URL (default redis://127.0.0.1:6379) the studio's KV. BENCH_LOAD_KEEP=<database> seeds
 * that database once and keeps it (drop it yourself when done).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
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
import { PASSWORD, seedGallery } from "../gallery/seed";
import { commandCpuMs, processGroupCpuMs, processGroupRssBytes } from "../process-cpu";
import { runClosedLoop } from "./closed-loop";
import { runPeople } from "./people";
import { MIX, Tally, percentile, workload } from "./workload";

const SECONDS = Number(process.argv[2] ?? 60);
const VIRTUAL_USERS = Number(process.argv[3] ?? 1000);
const THINK_SECONDS = Number(process.argv[4] ?? 10);
/**
 * Studio processes (default one per core), each on its own port; people are spread over them
 * as a balancer in front of a self-hosted studio, or Vercel's instances, would.
 */
const PROCESSES = Number(process.env.BENCH_LOAD_PROCESSES ?? cpus().length);
/** Distinct accounts the signed-in people share (several devices each). */
const SIGNED_IN = 200;

/** Signs one account in; answers its session cookie. */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
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
  const servers: ReturnType<typeof startProductionServer>[] = [];
  try {
    console.log(exists ? `bench: reusing ${name}` : "bench: seeding 100,000 images…");
    if (!exists) await seedGallery(databaseUrl);
    if (ensureProductionBuild() !== 0) throw new Error("build failed");
    const emails = (
      await postgres(databaseUrl, {
        max: 1,
      })`select email from auth.users order by email limit ${SIGNED_IN}`
    ).map((row) => row.email as string);

    const environment = {
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
    };
    const baseUrls: string[] = [];
    for (let i = 0; i < PROCESSES; i++) {
      const port = await freePort();
      const server = startProductionServer(port, environment);
      servers.push(server);
      baseUrls.push(`http://localhost:${port}`);
      await waitForHealth(baseUrls[i]!, server);
    }
    const cookies: string[] = [];
    for (const email of emails) cookies.push(await signIn(baseUrls[0]!, email));
    console.log(`bench: ${cookies.length} accounts signed in`);
    // Every image takes 3–8 s at the provider, like the real model.
    const generationsPerSecond =
      THINK_SECONDS > 0 ? 1 / THINK_SECONDS : 1; /* a closed-loop generator waits 3–8 s */
    const answers = Math.ceil(
      SECONDS * VIRTUAL_USERS * (MIX.generating + MIX.uploading) * generationsPerSecond * 2 + 100,
    );
    for (let i = 0; i < answers; i++) {
      gemini.enqueue({ kind: "delay", ms: 3000 + Math.floor(Math.random() * 5000) });
    }
    const targets = await Promise.all(
      baseUrls.map(async (baseUrl) => ({ baseUrl, groups: await workload(baseUrl, cookies) })),
    );
    const tally = new Tally();

    const monitor = postgres(adminUrl, { max: 1, onnotice: () => {} });
    let peakConnections = 0;
    let peakRss = 0;
    const sample = async () => {
      const [row] =
        await monitor`select count(*)::int as n from pg_stat_activity where datname = ${name}`;
      peakConnections = Math.max(peakConnections, row!.n as number);
      const rss = servers.reduce(
        (sum, server) => sum + (processGroupRssBytes(server.pid!) ?? 0),
        0,
      );
      peakRss = Math.max(peakRss, rss);
    };
    const sampler = setInterval(() => void sample().catch(() => undefined), 1000);
    const serversCpuMs = () =>
      servers.reduce<number | null>((sum, server) => {
        const ms = processGroupCpuMs(server.pid!);
        return sum === null || ms === null ? null : sum + ms;
      }, 0);
    const others = () => ({
      database: commandCpuMs("postgres"),
      kv: commandCpuMs("redis-server"),
      generator: process.cpuUsage(),
    });
    const othersBefore = others();
    const cpuBefore = serversCpuMs();
    const started = performance.now();
    const model =
      THINK_SECONDS > 0
        ? `people pausing ${THINK_SECONDS} s on average between steps`
        : "closed loop, no pauses";
    console.log(`bench: ${VIRTUAL_USERS} virtual users for ${SECONDS} s (${model})…`);
    const run = { targets, virtualUsers: VIRTUAL_USERS, seconds: SECONDS, tally };
    const outcome =
      THINK_SECONDS > 0
        ? await runPeople({ ...run, thinkSeconds: THINK_SECONDS })
        : await runClosedLoop(run);
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = serversCpuMs();
    const othersAfter = others();
    clearInterval(sampler);
    await sample().catch(() => undefined);
    await monitor.end();
    const load = loadavg();

    console.log(
      `\nbench/load — ${VIRTUAL_USERS} virtual users (${model}) for ${SECONDS} s against the production build in ${PROCESSES} process${PROCESSES === 1 ? "" : "es"} (PostgreSQL server + Redis)`,
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
    const { socketErrors, timeouts } = outcome;
    console.log(
      `total: ${total} requests, ${(total / elapsed).toFixed(0)} req/s; errors: ${errors} unexpected statuses, ${socketErrors} socket errors (${timeouts} time-outs)`,
    );
    for (const [key, count] of tally.statuses) console.log(`  unexpected: ${key} ×${count}`);
    const cores =
      cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / 1000 / elapsed;
    console.log(
      `servers: ${cores === null ? "?" : cores.toFixed(2)} cores on average, peak memory ${(peakRss / 2 ** 20).toFixed(0)} MiB; database connections in use at most ${peakConnections}; images generated ${gemini.requests.length}`,
    );
    const coresOf = (before: number | null, after: number | null) =>
      before === null || after === null ? "?" : ((after - before) / 1000 / elapsed).toFixed(2);
    const generator = process.cpuUsage(othersBefore.generator);
    console.log(
      `beside them: PostgreSQL ${coresOf(othersBefore.database, othersAfter.database)} cores, Redis ${coresOf(othersBefore.kv, othersAfter.kv)}, the load generator and fake provider ${((generator.user + generator.system) / 1e6 / elapsed).toFixed(2)}`,
    );
  } finally {
    for (const server of servers) stopServer(server);
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
