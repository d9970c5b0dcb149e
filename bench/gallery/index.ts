/**
 * bench/gallery — list endpoints under load, beside a bare node:http server running the same SQL.
 *
 * Seeds 100,000 images across 1,000 users (20,000 public) into a fresh database on the
 * PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test as the
 * admin connection), starts the production build against it and the bare server beside it, and
 * measures GET /api/v1/images?limit=30 and GET /api/v1/gallery/public?q=… at 50 concurrent
 * connections: p50/p95/throughput of each, and the ratio. A third pair (the list route refusing
 * a request without credentials, against a bare 401) does no database work, so its ratio is
 * the framework's own per-request cost: the floor under the other two. An empty Next.js app
 * answering the same 401 (bench/gallery/next-floor.ts) splits that floor into what Next.js
 * costs any route handler and what the studio adds.
 * Run: npx tsx --conditions=react-server bench/gallery/index.ts [seconds-per-scenario]
 * BENCH_GALLERY_KEEP=<database> seeds that database once and keeps it, so repeated runs while
 * tuning skip the seeding (drop it yourself when done).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import {
  ensureProductionBuild,
  freePort,
  startProductionServer,
  stopServer,
  waitForHealth,
} from "../../scripts/production-build";
import { formatLoad, runLoad, type LoadRequest, type LoadResult } from "../http-load";
import { processGroupCpuMs } from "../process-cpu";
import { startNextFloor, waitForFloor, type NextFloor } from "./next-floor";
import { benchUsers, PASSWORD, SEARCH, seedGallery } from "./seed";

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 50;
const WARM_UP_SECONDS = Math.min(5, Math.max(2, SECONDS / 2));

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const kept = process.env.BENCH_GALLERY_KEEP;
  if (kept && !/^[a-z_][a-z0-9_]*$/.test(kept)) throw new Error("BENCH_GALLERY_KEEP: a plain name");
  const name = kept ?? `ais_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const exists =
    kept !== undefined &&
    (await admin`select 1 from pg_database where datname = ${kept}`).length > 0;
  if (!exists) await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dataDir = mkdtempSync(join(tmpdir(), "ais-bench-gallery-"));
  let next: ReturnType<typeof startProductionServer> | undefined;
  let bare: ReturnType<typeof spawn> | undefined;
  let floor: NextFloor | undefined;
  try {
    const users = exists ? await benchUsers(databaseUrl) : await seedGallery(databaseUrl);
    if (ensureProductionBuild() !== 0) throw new Error("build failed");

    const port = await freePort();
    next = startProductionServer(port, {
      DATABASE_URL: databaseUrl,
      APP_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      DATA_DIR: dataDir,
      AUTH_RATE_LIMIT_PER_MINUTE: "100000",
      LOG_LEVEL: "error",
    });
    const nextUrl = `http://localhost:${port}`;
    await waitForHealth(nextUrl, next);

    const barePort = await freePort();
    bare = spawn(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "bench/gallery/bare-server.ts",
        databaseUrl,
        String(barePort),
      ],
      {
        stdio: ["ignore", "pipe", "inherit"],
        detached: true,
      },
    );
    await new Promise<void>((resolve) => bare!.stdout!.once("data", () => resolve()));
    const bareUrl = `http://127.0.0.1:${barePort}`;

    const tokens: string[] = [];
    for (const user of users) {
      const response = await fetch(`${nextUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: user.email, password: PASSWORD }),
      });
      const body = (await response.json()) as { data: { session: { accessToken: string } } };
      tokens.push(body.data.session.accessToken);
    }

    // The empty Next.js app, sending a 401 and, for the list, the studio's own answer.
    const sample = await fetch(`${nextUrl}/api/v1/images?limit=30`, {
      headers: { authorization: `Bearer ${tokens[0]}` },
    });
    const listBody = await sample.text();
    const floorPort = await freePort();
    floor = startNextFloor(floorPort, listBody);
    const floorUrl = `http://localhost:${floorPort}`;
    await waitForFloor(floorUrl, floor);

    let turn = 0;
    const results: Record<string, LoadResult> = {};
    const cpuPerRequest: Record<string, number | null> = {};
    const measure = async (
      label: string,
      make: () => LoadRequest,
      serverGroup: number,
      expectStatus = 200,
    ) => {
      const next = () => {
        turn += 1;
        return make();
      };
      // Warm up at full load first: the JIT and the connection pools settle in the first seconds.
      await runLoad({ next, connections: CONNECTIONS, seconds: WARM_UP_SECONDS, expectStatus });
      const cpuBefore = processGroupCpuMs(serverGroup);
      const result = await runLoad({
        next,
        connections: CONNECTIONS,
        seconds: SECONDS,
        expectStatus,
      });
      const cpuAfter = processGroupCpuMs(serverGroup);
      results[label] = result;
      cpuPerRequest[label] =
        cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / result.requests;
      const cpu = cpuPerRequest[label];
      console.log(
        `${formatLoad(label, result)}${cpu === null ? "" : `  server CPU ${cpu!.toFixed(2)} ms/request`}`,
      );
    };
    const compare = async (
      name: string,
      studio: () => LoadRequest,
      baseline: () => LoadRequest,
      expectStatus = 200,
    ) => {
      await measure(`studio  ${name}`, studio, next!.pid!, expectStatus);
      await measure(`bare    ${name}`, baseline, bare!.pid!, expectStatus);
      const a = results[`studio  ${name}`]!;
      const b = results[`bare    ${name}`]!;
      const cpuA = cpuPerRequest[`studio  ${name}`];
      const cpuB = cpuPerRequest[`bare    ${name}`];
      const cpu = cpuA && cpuB ? `  server CPU per request ${(cpuA / cpuB).toFixed(2)}×` : "";
      ratios.push(
        `${name.padEnd(34)} p50 ${(a.p50 / b.p50).toFixed(2)}×  p95 ${(a.p95 / b.p95).toFixed(2)}×  throughput ${(b.throughput / a.throughput).toFixed(2)}× lower${cpu}`,
      );
    };
    const ratios: string[] = [];

    console.log(
      `\nbench/gallery: ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up + ${SECONDS} s per scenario, database ${name}`,
    );
    // Own list: each request as one of 50 users (bearer access tokens); the bare server gets
    // the same user ids.
    const userAt = () => turn % users.length;
    await compare(
      "own images (GET /images?limit=30)",
      () => ({
        url: `${nextUrl}/api/v1/images?limit=30`,
        headers: { authorization: `Bearer ${tokens[userAt()]}` },
      }),
      () => ({ url: `${bareUrl}/own?user=${users[userAt()]!.id}` }),
    );
    await compare(
      `public search (q=${SEARCH})`,
      () => ({ url: `${nextUrl}/api/v1/gallery/public?q=${SEARCH}&limit=30` }),
      () => ({ url: `${bareUrl}/public?q=${SEARCH}` }),
    );
    // The framework's share: the same list route refusing a request without credentials does
    // no database work at all, so this ratio is what Next.js costs per request before any SQL.
    await compare(
      "no database work (401 refusal)",
      () => ({ url: `${nextUrl}/api/v1/images?limit=30` }),
      () => ({ url: `${bareUrl}/unauthorized` }),
      401,
    );
    // Next.js's floor for the own list: the studio's answer, byte for byte, sent by
    // a route that does nothing else.
    await measure(
      `next.js same ${(listBody.length / 1024).toFixed(1)} kB list body, no work`,
      () => ({ url: `${floorUrl}${floor!.listPath}` }),
      floor.server.pid!,
    );
    await measure(
      "next.js no database work (empty route 401)",
      () => ({ url: `${floorUrl}${floor!.path}` }),
      floor.server.pid!,
      401,
    );
    const studio401 = results["studio  no database work (401 refusal)"]!;
    const bare401 = results["bare    no database work (401 refusal)"]!;
    const next401 = results["next.js no database work (empty route 401)"]!;
    const cpuOf = (label: string) => cpuPerRequest[label] ?? null;
    const cpuRatio = (a: number | null, b: number | null) =>
      a && b ? `  server CPU per request ${(a / b).toFixed(2)}×` : "";
    const studioList = results["studio  own images (GET /images?limit=30)"]!;
    const nextListLabel = `next.js same ${(listBody.length / 1024).toFixed(1)} kB list body, no work`;
    const nextList = results[nextListLabel]!;
    ratios.push(
      `${"studio own list / Next.js same body".padEnd(34)} p50 ${(studioList.p50 / nextList.p50).toFixed(2)}×${cpuRatio(cpuOf("studio  own images (GET /images?limit=30)"), cpuOf(nextListLabel))}`,
      `${"empty Next.js route / bare".padEnd(34)} p50 ${(next401.p50 / bare401.p50).toFixed(2)}×${cpuRatio(cpuOf("next.js no database work (empty route 401)"), cpuOf("bare    no database work (401 refusal)"))}`,
      `${"studio 401 / empty Next.js route".padEnd(34)} p50 ${(studio401.p50 / next401.p50).toFixed(2)}×${cpuRatio(cpuOf("studio  no database work (401 refusal)"), cpuOf("next.js no database work (empty route 401)"))}`,
    );

    console.log("\nratio studio/bare:");
    for (const line of ratios) console.log(`  ${line}`);
  } finally {
    if (next) stopServer(next);
    floor?.stop();
    if (bare?.pid) {
      try {
        process.kill(-bare.pid, "SIGTERM");
      } catch {
        /* gone */
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (!kept) await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
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
